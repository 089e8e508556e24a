export interface Member {
  id: string;
  name: string;
  role: "owner" | "admin" | "member";
  avatarUrl: string | null;
}

export interface Team {
  id: string;
  name: string;
  members: Member[];
}

const ROLE_ORDER: Record<Member["role"], number> = { owner: 0, admin: 1, member: 2 };

export async function loadTeam(): Promise<Team> {
  const res = await fetch(`${process.env.API_URL}/api/teams/current`, { cache: "no-store" });
  if (!res.ok) throw new Error(`loading the team failed: ${res.status}`);
  const team = (await res.json()) as Team;
  team.members.sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || x.name.localeCompare(y.name));
  return team;
}

export function canManage(member: Member): boolean {
  return member.role !== "member";
}

export function seatsLeft(team: Team, seats: number): number {
  return Math.max(0, seats - team.members.length);
}
