import { UserTable } from "@/components/user-table";
import { listAllUsers } from "@/lib/directory";
import { RoleFilter } from "@/components/role-filter";

export default async function AdminUsersPage({ searchParams }: { searchParams: { role?: string } }) {
  const all = await listAllUsers();
  const users = searchParams.role ? all.filter((u) => u.role === searchParams.role) : all;
  return (
    <section className="space-y-4">
      <RoleFilter active={searchParams.role} />
      <UserTable users={users} />
    </section>
  );
}
