import type { TrendPoint } from "@/components/dashboard";

interface SignupRow {
  day: string;
  count: number;
}

export async function loadSignups(days: number): Promise<TrendPoint[]> {
  const res = await fetch(`${process.env.METRICS_URL}/signups?days=${days}`, { next: { revalidate: 300 } });
  if (!res.ok) {
    return [];
  }
  const rows = (await res.json()) as SignupRow[];
  const byDay = new Map<string, number>();
  for (const row of rows) {
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.count);
  }
  return Array.from(byDay.entries())
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([day, count]) => ({ label: day.slice(5), value: count }));
}
