import Link from "next/link";

const ROLES = ["viewer", "editor", "admin"] as const;

export function RoleFilter({ active }: { active?: string }) {
  return (
    <nav className="flex gap-2 text-sm">
      <Link href="/users" className={active ? "text-gray-500" : "font-semibold"}>
        all
      </Link>
      {ROLES.map((role) => (
        <Link key={role} href={`/users?role=${role}`} className={active === role ? "font-semibold" : "text-gray-500"}>
          {role}s
        </Link>
      ))}
    </nav>
  );
}
