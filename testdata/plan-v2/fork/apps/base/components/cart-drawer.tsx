import { useEffect, useState } from "react";
import { useCart } from "../hooks/use-cart";
import { formatDuration } from "../lib/format-duration";

const RESERVATION_SECONDS = 15 * 60;

export function CartDrawer() {
  const { lines, isOpen, close, remove } = useCart();
  const [left, setLeft] = useState(RESERVATION_SECONDS);

  useEffect(() => {
    if (!isOpen) return;
    const id = window.setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => window.clearInterval(id);
  }, [isOpen]);

  if (!isOpen) return null;
  return (
    <aside className="fixed inset-y-0 right-0 w-96 bg-white p-6 shadow-2xl">
      <div className="mb-4 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Your cart</h2>
        <button type="button" onClick={close} aria-label="Close cart">
          x
        </button>
      </div>
      <p className="mb-4 text-xs text-amber-700">Items reserved for {formatDuration(left)}</p>
      <ul className="space-y-3">
        {lines.map((line) => (
          <li key={line.productId} className="flex justify-between text-sm">
            <span>
              {line.quantity} x {line.productId}
            </span>
            <button type="button" onClick={() => remove(line.productId)} className="text-red-600">
              Remove
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
