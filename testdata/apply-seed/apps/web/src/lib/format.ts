import type { Price } from "./types";

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

/** The basket line of the storefront header. */
export function webOnlyBanner(count: number): string {
  if (count === 0) {
    return "Your basket is empty";
  }
  return count === 1 ? "1 item in your basket" : `${count} items in your basket`;
}
