import type { ActivityEvent } from "./activity";

interface DigestSection {
  heading: string;
  lines: string[];
}

export function buildDigest(events: ActivityEvent[], now = Date.now()): DigestSection[] {
  const day = 24 * 3600 * 1000;
  const today = events.filter((e) => now - e.at < day);
  const week = events.filter((e) => now - e.at >= day && now - e.at < 7 * day);
  const sections: DigestSection[] = [];
  if (today.length > 0) {
    sections.push({ heading: "Today", lines: today.map((e) => `${e.actor}: ${e.summary}`) });
  }
  if (week.length > 0) {
    const counts = new Map<string, number>();
    for (const e of week) counts.set(e.actor, (counts.get(e.actor) ?? 0) + 1);
    sections.push({
      heading: "Earlier this week",
      lines: [...counts].sort((x, y) => y[1] - x[1]).map(([who, n]) => `${who}: ${n} events`),
    });
  }
  return sections;
}

export function digestText(sections: DigestSection[]): string {
  return sections.map((s) => [`## ${s.heading}`, ...s.lines.map((l) => `- ${l}`)].join("\n")).join("\n\n");
}
