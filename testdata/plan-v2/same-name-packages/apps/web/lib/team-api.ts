import type { UserRow } from "@/components/user-table";

interface TeamResponse {
  members: Array<{ uid: string; mail: string; display: string; access: UserRow["role"]; seen_at?: string }>;
  next?: string;
}

export async function fetchTeam(): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  let cursor: string | undefined;
  do {
    const url = new URL("https://api.example.test/team/members");
    if (cursor) url.searchParams.set("cursor", cursor);
    const res = await fetch(url, { next: { revalidate: 60 } });
    const page = (await res.json()) as TeamResponse;
    for (const m of page.members) {
      rows.push({ id: m.uid, email: m.mail, name: m.display, role: m.access, lastSeen: m.seen_at ?? null });
    }
    cursor = page.next;
  } while (cursor);
  return rows;
}
