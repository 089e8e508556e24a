"use client";

import { useState } from "react";
import { useDebounce } from "../hooks/use-debounce";

export interface AdminUser {
  email: string;
  role: "owner" | "staff";
}

export function UserFilter({ users }: { users: AdminUser[] }) {
  const [needle, setNeedle] = useState("");
  const debounced = useDebounce(needle.trim().toLowerCase());
  const shown = debounced ? users.filter((u) => u.email.includes(debounced)) : users;
  return (
    <section>
      <input value={needle} onChange={(e) => setNeedle(e.target.value)} placeholder="Filter by email" />
      <p>
        {shown.length} of {users.length} users
      </p>
      <ul>
        {shown.map((u) => (
          <li key={u.email}>
            {u.email} ({u.role})
          </li>
        ))}
      </ul>
    </section>
  );
}
