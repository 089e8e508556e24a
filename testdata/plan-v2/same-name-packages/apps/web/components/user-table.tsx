export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: "viewer" | "editor" | "admin";
  lastSeen: string | null;
}

interface UserTableProps {
  users: UserRow[];
  onSelect?: (user: UserRow) => void;
}

export function UserTable({ users, onSelect }: UserTableProps) {
  const sorted = [...users].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <table className="min-w-full divide-y divide-gray-200 text-sm">
      <thead className="bg-gray-50">
        <tr>
          <th className="px-4 py-2 text-left">Name</th>
          <th className="px-4 py-2 text-left">Email</th>
          <th className="px-4 py-2 text-left">Role</th>
          <th className="px-4 py-2 text-left">Last seen</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {sorted.map((user) => (
          <tr key={user.id} onClick={() => onSelect?.(user)} className="cursor-pointer hover:bg-gray-50">
            <td className="px-4 py-2 font-medium">{user.name}</td>
            <td className="px-4 py-2">{user.email}</td>
            <td className="px-4 py-2 capitalize">{user.role}</td>
            <td className="px-4 py-2">{user.lastSeen ? new Date(user.lastSeen).toLocaleDateString() : "never"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
