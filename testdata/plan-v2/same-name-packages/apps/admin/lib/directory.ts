import type { UserRow } from "@/components/user-table";

const DIRECTORY_URL = process.env.DIRECTORY_URL ?? "ldap-proxy.internal";

export async function listAllUsers(): Promise<UserRow[]> {
  const res = await fetch(`http://${DIRECTORY_URL}/v2/people?fields=uid,mail,cn,groups,lastLogon`, {
    headers: { authorization: `Bearer ${process.env.DIRECTORY_TOKEN}` },
    cache: "no-store",
  });
  const people = (await res.json()) as Array<{ uid: string; mail: string; cn: string; groups: string[]; lastLogon: number }>;
  return people.map((p) => ({
    id: p.uid,
    email: p.mail,
    name: p.cn,
    role: p.groups.includes("admins") ? "admin" : p.groups.includes("editors") ? "editor" : "viewer",
    lastSeen: p.lastLogon > 0 ? new Date(p.lastLogon * 1000).toISOString() : null,
  }));
}
