export interface Price {
  /** In minor units (cents). */
  amount: number;
  currency: "EUR" | "USD" | "GBP";
}

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: Price;
}

export type OrderStatus = "draft" | "paid" | "shipped" | "cancelled";

export interface Order {
  id: string;
  status: OrderStatus;
  lines: OrderLine[];
  placedAt: string;
}
