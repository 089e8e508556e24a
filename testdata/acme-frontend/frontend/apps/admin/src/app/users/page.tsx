"use client";

import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { useDebounce } from "@/hooks/use-debounce";
import { apiClient } from "@/lib/api-client";
import { formatDate } from "@/lib/utils";

interface AdminUserRow {
  id: string;
  email: string;
  createdAt: string;
}

export default function UsersPage() {
  const [query, setQuery] = useState("");
  const [rows, setRows] = useState<AdminUserRow[]>([]);
  const debouncedQuery = useDebounce(query, 250);

  useEffect(() => {
    apiClient.get<AdminUserRow[]>("/admin/users", { q: debouncedQuery }).then(setRows);
  }, [debouncedQuery]);

  return (
    <main className="space-y-4 p-8">
      <Input label="Search users" value={query} onChange={(e) => setQuery(e.target.value)} />
      <table className="w-full text-sm">
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.email}</td>
              <td>{formatDate(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
