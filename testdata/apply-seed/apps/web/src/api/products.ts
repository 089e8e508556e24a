import type { Price } from "@/lib/types";
import { readJson, toQueryString } from "@/api/legacy";

export interface Product {
  sku: string;
  title: string;
  price: Price;
}

export async function searchProducts(query: string, page = 1): Promise<Product[]> {
  const response = await fetch(`/api/products${toQueryString({ q: query, page })}`);
  return readJson<Product[]>(response);
}
