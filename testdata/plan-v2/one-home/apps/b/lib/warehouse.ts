import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TrendPoint } from "@/components/dashboard";

type Levels = Record<string, TrendPoint[]>;

export async function readWarehouseLevels(): Promise<Levels> {
  const file = path.join(process.cwd(), "data", "levels.csv");
  const text = await readFile(file, "utf8");
  const levels: Levels = {};
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [site, week, pallets, capacity] = line.split(";");
    if (!site || !week) continue;
    (levels[site] ??= []).push({
      label: `W${week}`,
      value: Number(pallets),
      target: capacity ? Number(capacity) * 0.8 : undefined,
    });
  }
  return levels;
}
