const formatters = new Map<string, Intl.NumberFormat>();

export function formatCurrency(amount: number, currency = "EUR", locale = "de-DE"): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  if (!Number.isFinite(amount)) {
    return formatter.format(0);
  }
  return formatter.format(Math.round(amount * 100) / 100);
}
