import { DashboardCard, type TrendPoint } from "@/components/dashboard";
import { loadSignups } from "@/lib/signups";

export default async function Home() {
  const signups: TrendPoint[] = await loadSignups(14);
  return (
    <main className="grid gap-4 p-6 md:grid-cols-3">
      <DashboardCard title="Signups (14 days)" points={signups} highlight />
    </main>
  );
}
