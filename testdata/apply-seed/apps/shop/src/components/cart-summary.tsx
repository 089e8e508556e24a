import type { OrderLine } from "@/lib/types";
import { Button } from "@/components/button";

const cents = (n: number) => (n / 100).toFixed(2);

export function CartSummary({ lines, onCheckout }: { lines: OrderLine[]; onCheckout: () => void }) {
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice.amount, 0);
  const currency = lines[0]?.unitPrice.currency ?? "EUR";
  return (
    <aside className="cart">
      <h2>Your cart</h2>
      {lines.map((l) => (
        <div key={l.sku} className="cart-line">
          {l.quantity} × {l.sku} <span>{cents(l.unitPrice.amount * l.quantity)}</span>
        </div>
      ))}
      <strong>
        Total {cents(total)} {currency}
      </strong>
      <Button onClick={onCheckout} disabled={lines.length === 0}>
        Checkout
      </Button>
    </aside>
  );
}
