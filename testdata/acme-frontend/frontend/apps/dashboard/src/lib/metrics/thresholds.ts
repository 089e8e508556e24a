import { DEFAULT_METRICS } from "./metrics-store";

export interface Threshold {
  warn: number;
  critical: number;
}

const overrides: Record<string, Threshold> = {
  "error-rate": { warn: 1, critical: 5 },
  "p95-latency": { warn: 400, critical: 1200 },
};

const thresholds = new Map<string, Threshold>(
  DEFAULT_METRICS.filter((metric) => metric.id in overrides).map((metric) => [metric.id, overrides[metric.id]!]),
);

export function getThreshold(id: string): Threshold | undefined {
  return thresholds.get(id);
}
