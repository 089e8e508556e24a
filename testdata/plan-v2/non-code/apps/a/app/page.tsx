import { Avatar } from "@/components/avatar";
import { Card } from "@/components/card";
import { loadTeam } from "@/lib/team";

export default async function TeamPage() {
  const team = await loadTeam();
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <Card title={team.name}>
        <ul className="flex -space-x-2">
          {team.members.map((m) => (
            <li key={m.id}>
              <Avatar name={m.name} src={m.avatarUrl} size={36} />
            </li>
          ))}
        </ul>
      </Card>
    </main>
  );
}
