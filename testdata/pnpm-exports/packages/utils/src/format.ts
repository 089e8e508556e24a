const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const dates = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export function formatPrice(cents: number): string {
  return currency.format(cents / 100);
}

export function formatDate(iso: string): string {
  return dates.format(new Date(iso));
}
