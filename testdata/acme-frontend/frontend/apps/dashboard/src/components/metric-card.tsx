import { Card, CardContent, CardHeader, CardTitle } from "@acme/ui/src/components/card";
import { Button } from "@/components/ui/button";
import type { Metric } from "@/lib/metrics/metrics-store";
import { formatMetric } from "@/lib/metrics/formatters";

interface MetricCardProps {
  metric: Metric;
  pinned: boolean;
  onPin: () => void;
}

export function MetricCard({ metric, pinned, onPin }: MetricCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{metric.label}</CardTitle>
      </CardHeader>
      <CardContent className="flex items-center justify-between">
        <span className="text-3xl font-bold">{formatMetric(metric)}</span>
        <Button variant="ghost" size="sm" onClick={onPin} disabled={pinned}>
          {pinned ? "Pinned" : "Pin"}
        </Button>
      </CardContent>
    </Card>
  );
}
