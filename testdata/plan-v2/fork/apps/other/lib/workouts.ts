export type Intensity = "easy" | "steady" | "hard";

export interface Interval {
  label: string;
  seconds: number;
  intensity: Intensity;
}

const WARMUP: Interval = { label: "Warm-up", seconds: 600, intensity: "easy" };
const COOLDOWN: Interval = { label: "Cool-down", seconds: 300, intensity: "easy" };

export function buildPyramid(stepSeconds: number, steps: number): Interval[] {
  const climb: Interval[] = [];
  for (let i = 1; i <= steps; i += 1) {
    climb.push({ label: `Step ${i}`, seconds: stepSeconds * i, intensity: i === steps ? "hard" : "steady" });
  }
  const descent = climb.slice(0, -1).reverse().map((s) => ({ ...s, label: `${s.label} (down)` }));
  return [WARMUP, ...climb, ...descent, COOLDOWN];
}

export function totalSeconds(plan: Interval[]): number {
  return plan.reduce((sum, part) => sum + part.seconds, 0);
}
