import { useSyncExternalStore } from "react";
import { createCartState, type CartItem } from "#internal/cart-state";
import { logChange } from "#internal/logger";

const state = createCartState();

export function useCart(): { items: CartItem[]; total: number; setQuantity: (id: string, quantity: number) => void } {
  const items = useSyncExternalStore(state.subscribe, state.getItems, state.getItems);
  const total = items.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
  const setQuantity = (id: string, quantity: number) => {
    state.setQuantity(id, quantity);
    logChange(`quantity ${id} -> ${quantity}`);
  };
  return { items, total, setQuantity };
}
