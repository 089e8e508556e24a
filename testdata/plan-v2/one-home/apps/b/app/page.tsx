import { DashboardCard } from "@/components/dashboard";
import { readWarehouseLevels } from "@/lib/warehouse";

export default async function StockOverview() {
  const levels = await readWarehouseLevels();
  return (
    <section className="space-y-4 p-4">
      {Object.entries(levels).map(([site, series]) => (
        <DashboardCard key={site} title={`Stock at ${site}`} points={series} unit="pallets" />
      ))}
    </section>
  );
}
