export interface StockLevel {
  sku: string;
  onHand: number;
  dailyUsage: number;
  leadTimeDays: number;
  packSize: number;
}

export interface ReorderSuggestion {
  sku: string;
  quantity: number;
  urgent: boolean;
}

const SAFETY_DAYS = 5;

export function suggestReorders(levels: StockLevel[]): ReorderSuggestion[] {
  const out: ReorderSuggestion[] = [];
  for (const level of levels) {
    const coverDays = level.dailyUsage > 0 ? level.onHand / level.dailyUsage : Infinity;
    const needed = (level.leadTimeDays + SAFETY_DAYS) * level.dailyUsage - level.onHand;
    if (needed <= 0) continue;
    const packs = Math.ceil(needed / Math.max(1, level.packSize));
    out.push({ sku: level.sku, quantity: packs * level.packSize, urgent: coverDays < level.leadTimeDays });
  }
  return out.sort((x, y) => Number(y.urgent) - Number(x.urgent) || y.quantity - x.quantity);
}
