import { UserTable } from "@/components/user-table";
import { fetchTeam } from "@/lib/team-api";

export default async function TeamPage() {
  const users = await fetchTeam();
  return (
    <main className="p-6">
      <h1 className="mb-4 text-xl font-semibold">Your team</h1>
      <UserTable users={users} />
    </main>
  );
}
