import { formatCompact, formatCurrency } from "../../../web/src/lib/format-currency";
import { apiClient } from "@/lib/api-client";

export interface RevenuePoint {
  month: string;
  cents: number;
}

export async function fetchRevenue(): Promise<RevenuePoint[]> {
  return apiClient.get<RevenuePoint[]>("/admin/revenue");
}

export function describeRevenue(points: RevenuePoint[]): string {
  if (points.length === 0) return "No revenue yet.";
  const total = points.reduce((sum, point) => sum + point.cents, 0);
  const best = points.reduce((top, point) => (point.cents > top.cents ? point : top));
  return `${formatCurrency(total)} over ${formatCompact(points.length)} months, best: ${best.month}`;
}
