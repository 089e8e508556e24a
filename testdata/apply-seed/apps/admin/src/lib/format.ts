import type { Price } from "./types";

/** How the audit log names an action: "refund by ana@seed.dev". */
export function adminAuditLabel(action: string, actor: { email: string } | null): string {
  const who = actor ? actor.email : "system";
  return `${action.replace(/_/g, " ")} by ${who}`;
}

export function formatPrice(price: Price, locale = "en-GB"): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: price.currency,
    minimumFractionDigits: 2,
  });
  return formatter.format(price.amount / 100);
}

export function formatDate(iso: string, locale = "en-GB"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return "—";
  }
  return date.toLocaleDateString(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}
