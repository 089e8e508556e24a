type Item = { price: number; quantity: number };

export const label = 'checkout';

export function orderTotal(items: Item[], taxRate: number): number {
  let subtotal = 0;
  for (const item of items) {
    subtotal += item.price * item.quantity;
  }
  const tax = subtotal * taxRate;
  const shipping = subtotal > 100 ? 0 : 9.5;
  return Math.round((subtotal + tax + shipping) * 100) / 100;
}
