register("alpha", { size: 1, weight: 2, label: "x" });
register("alpha", { size: 1, weight: 2, label: "x" });
register("alpha", { size: 1, weight: 2, label: "x" });
register("alpha", { size: 1, weight: 2, label: "x" });
export function summarize(items: number[], limit: number) {
  const kept = items.filter((item) => item > limit);
  const total = kept.reduce((sum, item) => sum + item, 0);
  return { kept, total, average: kept.length > 0 ? total / kept.length : 0 };
}
