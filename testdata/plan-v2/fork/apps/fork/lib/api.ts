export interface Product {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
  imageUrl: string;
}

const API_BASE = process.env.NEXT_PUBLIC_SHOP_API ?? "https://shop.example.test/api";

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${API_BASE}${path}`, { headers: { accept: "application/json" } });
  if (!res.ok) {
    throw new Error(`GET ${path} failed with ${res.status}`);
  }
  return (await res.json()) as T;
}

export function listProducts(collection?: string): Promise<Product[]> {
  const query = collection ? `?collection=${encodeURIComponent(collection)}` : "";
  return getJson<Product[]>(`/products${query}`);
}

export function getProduct(id: string): Promise<Product> {
  return getJson<Product>(`/products/${encodeURIComponent(id)}`);
}
