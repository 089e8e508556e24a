"use client";

import { useState, type ReactNode } from "react";

interface CardProps {
  title: string;
  children: ReactNode;
  collapsible?: boolean;
}

export function Card({ title, children, collapsible = true }: CardProps) {
  const [open, setOpen] = useState(true);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded border p-3">
      <summary className={collapsible ? "cursor-pointer font-medium" : "pointer-events-none font-medium"}>{title}</summary>
      {open && <div className="pt-2">{children}</div>}
    </details>
  );
}
