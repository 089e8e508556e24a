import type { Item } from './types';

// Computes what the customer pays.
export function orderTotal(items: Item[], taxRate: number): number
{
  let subtotal = 0; // running sum
  for (const item of items) { subtotal += item.price * item.quantity; }
  /* tax first */
  const tax = subtotal * taxRate;
  const shipping = subtotal > 100 ? 0 : 9.5;
  return Math.round(
    (subtotal + tax + shipping) * 100
  ) / 100;
}
