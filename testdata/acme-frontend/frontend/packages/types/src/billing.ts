export type BillingInterval = "month" | "year";

export interface Plan {
  id: string;
  name: string;
  priceCents: number;
  interval: BillingInterval;
  features: string[];
}

export interface Invoice {
  id: string;
  planId: string;
  amountCents: number;
  paidAt: string | null;
}
