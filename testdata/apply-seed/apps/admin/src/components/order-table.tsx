import { Button } from "@seed/ui";
import { type Order } from "@/lib/types";
import { adminAuditLabel, formatDate, formatPrice } from "@/lib/format";

function orderTotal(order: Order): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amount, 0);
}

export function OrderTable({ orders, onRefund }: { orders: Order[]; onRefund: (id: string) => void }) {
  return (
    <table>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <td>{o.id}</td>
            <td>{formatDate(o.placedAt)}</td>
            <td>{formatPrice({ amount: orderTotal(o), currency: o.lines[0]?.unitPrice.currency ?? "EUR" })}</td>
            <td title={adminAuditLabel("order_" + o.status, null)}>{o.status}</td>
            <td>
              <Button variant="secondary" onClick={() => onRefund(o.id)} disabled={o.status !== "paid"}>
                Refund
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
