import type { ActivityEvent } from "./activity";

export interface TimelineBucket {
  start: number;
  end: number;
  events: ActivityEvent[];
}

export function bucketize(events: ActivityEvent[], widthMs: number): TimelineBucket[] {
  if (events.length === 0 || widthMs <= 0) return [];
  const sorted = [...events].sort((x, y) => x.at - y.at);
  const first = Math.floor(sorted[0].at / widthMs) * widthMs;
  const buckets: TimelineBucket[] = [];
  let current: TimelineBucket = { start: first, end: first + widthMs, events: [] };
  for (const ev of sorted) {
    while (ev.at >= current.end) {
      buckets.push(current);
      current = { start: current.end, end: current.end + widthMs, events: [] };
    }
    current.events.push(ev);
  }
  buckets.push(current);
  return buckets;
}

export function busiest(buckets: TimelineBucket[]): TimelineBucket | undefined {
  let best: TimelineBucket | undefined;
  for (const b of buckets) {
    if (!best || b.events.length > best.events.length) best = b;
  }
  return best;
}

export function quietStretches(buckets: TimelineBucket[], minEmpty: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let runStart: number | null = null;
  let run = 0;
  for (const b of buckets) {
    if (b.events.length === 0) {
      runStart ??= b.start;
      run += 1;
    } else {
      if (runStart !== null && run >= minEmpty) out.push([runStart, b.start]);
      runStart = null;
      run = 0;
    }
  }
  return out;
}

export function sparkline(buckets: TimelineBucket[]): string {
  const bars = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
  const max = Math.max(1, ...buckets.map((b) => b.events.length));
  return buckets.map((b) => bars[Math.round((b.events.length / max) * (bars.length - 1))]).join("");
}
