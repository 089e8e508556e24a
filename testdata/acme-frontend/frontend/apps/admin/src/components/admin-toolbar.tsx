"use client";

import { Button } from "../../../../packages/ui/src/components/button";
import { useAuth } from "@/contexts/auth-context";

export function AdminToolbar({ title }: { title: string }) {
  const { user, signOut } = useAuth();
  return (
    <header className="flex items-center justify-between border-b pb-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div className="flex items-center gap-3">
        <span className="text-sm text-slate-500">{user?.email}</span>
        <Button variant="link" size="icon" aria-label="Help" onClick={() => window.open("/admin/help")}>
          ?
        </Button>
        <Button variant="outline" onClick={() => signOut()}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
