export interface Room {
  slug: string;
  title: string;
  open: boolean;
  topic?: string;
}

const ROOMS: Room[] = [
  { slug: "general", title: "General", open: true },
  { slug: "announcements", title: "Announcements", open: false, topic: "Read-only news" },
  { slug: "random", title: "Random", open: true },
];

export async function findRoom(slug: string): Promise<Room | undefined> {
  return ROOMS.find((r) => r.slug === slug.toLowerCase());
}

export function slugifyRoomTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}
