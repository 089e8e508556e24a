export type Plan = "free" | "team" | "business";

interface PlanSpec {
  seats: number;
  monthlyPerSeat: number;
  storageGb: number;
}

const PLANS: Record<Plan, PlanSpec> = {
  free: { seats: 3, monthlyPerSeat: 0, storageGb: 1 },
  team: { seats: 25, monthlyPerSeat: 8, storageGb: 100 },
  business: { seats: 500, monthlyPerSeat: 15, storageGb: 1000 },
};

export interface Quote {
  plan: Plan;
  seats: number;
  monthly: number;
  yearly: number;
  savings: number;
}

export function quote(plan: Plan, seats: number, yearlyDiscount = 0.2): Quote {
  const spec = PLANS[plan];
  if (seats > spec.seats) {
    throw new RangeError(`${plan} allows at most ${spec.seats} seats`);
  }
  const monthly = spec.monthlyPerSeat * Math.max(1, seats);
  const yearlyFull = monthly * 12;
  const yearly = Math.round(yearlyFull * (1 - yearlyDiscount));
  return { plan, seats, monthly, yearly, savings: yearlyFull - yearly };
}

export function cheapestPlanFor(seats: number, storageGb: number): Plan {
  const fitting = (Object.keys(PLANS) as Plan[]).filter(
    (p) => PLANS[p].seats >= seats && PLANS[p].storageGb >= storageGb,
  );
  if (fitting.length === 0) {
    return "business";
  }
  return fitting.reduce((best, p) => (PLANS[p].monthlyPerSeat < PLANS[best].monthlyPerSeat ? p : best));
}

export function prorate(amount: number, daysUsed: number, daysInPeriod: number): number {
  if (daysInPeriod <= 0) return 0;
  const share = Math.min(1, Math.max(0, daysUsed / daysInPeriod));
  return Math.round(amount * share * 100) / 100;
}

export function invoiceLines(q: Quote): string[] {
  return [
    `${q.seats} x ${q.plan} seat`,
    `Monthly: ${q.monthly} EUR`,
    `Yearly: ${q.yearly} EUR (you save ${q.savings} EUR)`,
  ];
}
