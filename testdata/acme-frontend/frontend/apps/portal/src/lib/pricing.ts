import type { Plan } from "@acme/types";
import { formatCurrency } from "@acme/web/src/lib/format-currency";
import { percentOf, roundCents } from "./helpers.js";

export function describePlan(plan: Plan): string {
  const price = formatCurrency(roundCents(plan.priceCents));
  return `${price} per ${plan.interval}`;
}

export function yearlySavings(monthlyCents: number, yearlyCents: number): number {
  const fullYear = monthlyCents * 12;
  return Math.round(percentOf(fullYear - yearlyCents, fullYear));
}
