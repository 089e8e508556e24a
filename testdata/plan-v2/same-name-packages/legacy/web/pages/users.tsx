import type { GetStaticProps } from "next";
import { UserTable, type UserRow } from "../components/user-table";
import { readUsersFromCsv } from "../lib/csv-users";

export const getStaticProps: GetStaticProps<{ users: UserRow[] }> = async () => ({
  props: { users: await readUsersFromCsv("data/users.csv") },
  revalidate: 3600,
});

export default function UsersPage({ users }: { users: UserRow[] }) {
  return (
    <div id="legacy-users">
      <h1>Users ({users.length})</h1>
      <UserTable users={users} onSelect={(u) => window.alert(u.email)} />
    </div>
  );
}
