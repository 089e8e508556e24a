import { cn } from "@/lib/utils";

export interface TrendPoint {
  label: string;
  value: number;
  target?: number;
}

export function computeTrend(points: TrendPoint[]): { delta: number; percent: number; direction: "up" | "down" | "flat" } {
  if (points.length < 2) {
    return { delta: 0, percent: 0, direction: "flat" };
  }
  const first = points[0].value;
  const last = points[points.length - 1].value;
  const delta = last - first;
  const percent = first === 0 ? 0 : Math.round((delta / Math.abs(first)) * 1000) / 10;
  const direction = Math.abs(percent) < 0.5 ? "flat" : delta > 0 ? "up" : "down";
  return { delta, percent, direction };
}

interface DashboardCardProps {
  title: string;
  points: TrendPoint[];
  unit?: string;
  highlight?: boolean;
}

export function DashboardCard({ title, points, unit = "", highlight = false }: DashboardCardProps) {
  const trend = computeTrend(points);
  const latest = points.length > 0 ? points[points.length - 1].value : 0;
  return (
    <div className={cn("rounded-lg border p-5", highlight && "border-blue-500 shadow")}>
      <p className="text-xs uppercase tracking-wide text-gray-500">{title}</p>
      <p className="mt-2 text-3xl font-semibold">
        {latest.toLocaleString()}
        {unit && <span className="ml-1 text-base text-gray-400">{unit}</span>}
      </p>
      <p
        className={cn(
          "mt-1 text-sm",
          trend.direction === "up" && "text-green-600",
          trend.direction === "down" && "text-red-600",
        )}
      >
        {trend.direction === "flat" ? "No change" : `${trend.percent > 0 ? "+" : ""}${trend.percent}%`}
      </p>
    </div>
  );
}
