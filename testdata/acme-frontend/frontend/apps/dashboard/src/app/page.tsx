"use client";

import {
  DEFAULT_METRICS,
  describeMetrics,
} from "@/lib/metrics/metrics-store";
import { MetricCard } from "@/components/metric-card";
import { useAuth } from "@/contexts/auth-context";
import { useLocalStorage } from "@/hooks/use-local-storage";

export default function DashboardPage() {
  const { account, pending } = useAuth();
  const [pinned, setPinned] = useLocalStorage<string[]>("dashboard:pinned", []);

  if (pending) return <p className="p-8">Loading...</p>;

  return (
    <main className="flex-1 space-y-6 p-8">
      <h1 className="text-2xl font-semibold">Welcome back, {account?.name}</h1>
      <ul className="text-sm text-slate-500">
        {describeMetrics().map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <section className="grid gap-4 md:grid-cols-3">
        {DEFAULT_METRICS.map((metric) => (
          <MetricCard key={metric.id} metric={metric} pinned={pinned.includes(metric.id)} onPin={() => setPinned([...pinned, metric.id])} />
        ))}
      </section>
    </main>
  );
}
