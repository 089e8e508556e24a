import type { Member } from "./team";

type Permission = "billing" | "invite" | "remove" | "rename" | "read";

const GRANTS: Record<Member["role"], Permission[]> = {
  owner: ["billing", "invite", "remove", "rename", "read"],
  admin: ["invite", "remove", "read"],
  member: ["read"],
};

export function can(member: Member, permission: Permission): boolean {
  return GRANTS[member.role].includes(permission);
}

export function promote(member: Member): Member {
  if (member.role === "member") return { ...member, role: "admin" };
  return member;
}

export function demote(member: Member, owners: number): Member {
  if (member.role === "admin") return { ...member, role: "member" };
  if (member.role === "owner" && owners > 1) return { ...member, role: "admin" };
  return member;
}

export function auditLine(actor: Member, target: Member, action: string): string {
  return `${new Date().toISOString()} ${actor.name} (${actor.role}) ${action} ${target.name}`;
}
