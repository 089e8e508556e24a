import { promises as fs } from "fs";
import type { UserRow } from "../components/user-table";

const ROLE_CODES: Record<string, UserRow["role"]> = { v: "viewer", e: "editor", a: "admin" };

export async function readUsersFromCsv(file: string): Promise<UserRow[]> {
  const text = await fs.readFile(file, "latin1");
  const [headerLine, ...lines] = text.trim().split(/\r?\n/);
  const header = headerLine.split(",");
  const col = (name: string) => header.indexOf(name);
  return lines
    .map((line) => line.split(","))
    .filter((cells) => cells.length === header.length)
    .map((cells) => ({
      id: cells[col("id")],
      email: cells[col("email")].toLowerCase(),
      name: `${cells[col("first")]} ${cells[col("last")]}`.trim(),
      role: ROLE_CODES[cells[col("role")]] ?? "viewer",
      lastSeen: cells[col("last_login")] || null,
    }));
}

export function duplicateEmails(users: UserRow[]): string[] {
  const seen = new Map<string, number>();
  for (const u of users) seen.set(u.email, (seen.get(u.email) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([email]) => email);
}
