import { formatMetric } from "./formatters";

export interface Metric {
  id: string;
  label: string;
  value: number;
  unit: "count" | "percent" | "ms";
}

export const DEFAULT_METRICS: Metric[] = [
  { id: "active-users", label: "Active users", value: 0, unit: "count" },
  { id: "error-rate", label: "Error rate", value: 0, unit: "percent" },
  { id: "p95-latency", label: "p95 latency", value: 0, unit: "ms" },
];

const metrics = new Map<string, Metric>(DEFAULT_METRICS.map((metric) => [metric.id, { ...metric }]));

export function updateMetric(id: string, value: number): void {
  const metric = metrics.get(id);
  if (metric) metrics.set(id, { ...metric, value });
}

export function describeMetrics(): string[] {
  return [...metrics.values()].map((metric) => `${metric.label}: ${formatMetric(metric)}`);
}
