import type { Metric } from "./metrics-store";
import { getThreshold } from "./thresholds";

export function formatMetric(metric: Metric): string {
  const threshold = getThreshold(metric.id);
  const marker = threshold && metric.value >= threshold.critical ? " (!)" : "";
  switch (metric.unit) {
    case "percent":
      return `${metric.value.toFixed(1)}%${marker}`;
    case "ms":
      return `${Math.round(metric.value)} ms${marker}`;
    default:
      return `${metric.value.toLocaleString("en-US")}${marker}`;
  }
}
