export interface CartItem {
  id: string;
  name: string;
  priceCents: number;
  quantity: number;
}

export function createCartState() {
  let items: CartItem[] = [];
  const listeners = new Set<() => void>();
  return {
    getItems: () => items,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setQuantity(id: string, quantity: number) {
      items = items.map((item) => (item.id === id ? { ...item, quantity } : item));
      listeners.forEach((listener) => listener());
    },
  };
}
