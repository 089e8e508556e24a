"use client";

import { useState } from "react";
import { ProductSearch } from "@/components/product-search";
import type { Product } from "@/api/products";
import { formatDate, webOnlyBanner } from "@/lib";

export default function StorefrontPage() {
  const [basket, setBasket] = useState<Product[]>([]);
  return (
    <main>
      <header>
        <h1>Seed Store</h1>
        <p>{webOnlyBanner(basket.length)}</p>
        <small>Prices as of {formatDate(new Date().toISOString())}</small>
      </header>
      <ProductSearch onAdd={(p) => setBasket((b) => [...b, p])} />
    </main>
  );
}
