import type { ReactNode } from "react";

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-card border border-brand-50 bg-white p-6 shadow-sm">
      <h2 className="mb-2 text-lg font-semibold text-brand-900">{title}</h2>
      <div className="text-sm leading-6 text-slate-600">{children}</div>
    </section>
  );
}
