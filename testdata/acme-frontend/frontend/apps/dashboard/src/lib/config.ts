export const siteConfig = {
  name: "Acme Dashboard",
  description: "Live metrics for your Acme workspace.",
  refreshIntervalMs: 30_000,
  charts: { defaultRange: "7d", ranges: ["24h", "7d", "30d", "90d"] },
} as const;

export type ChartRange = (typeof siteConfig.charts.ranges)[number];
