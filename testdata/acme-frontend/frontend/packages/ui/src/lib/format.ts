// TODO: move formatCurrency into this package; it still lives in the web app.
import { formatCurrency } from "../../../../apps/web/src/lib/format-currency";

export function formatPrice(cents: number, currency = "USD"): string {
  return cents === 0 ? "Free" : formatCurrency(cents, currency);
}
