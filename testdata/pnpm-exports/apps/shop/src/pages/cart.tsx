import { useCart } from "@kit/store";
import { HeartIcon } from "@kit/ui/icons/heart";
import { clamp, formatPrice } from "@kit/utils";

export function CartPage() {
  const { items, total, setQuantity } = useCart();
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <HeartIcon size={14} /> {item.name} x {item.quantity}
          <button onClick={() => setQuantity(item.id, clamp(item.quantity + 1, 1, 9))}>+</button>
        </li>
      ))}
      <li>Total: {formatPrice(total)}</li>
    </ul>
  );
}
