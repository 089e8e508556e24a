"use client";

import { useEffect, useState } from "react";
import { useDebounce } from "@/hooks/use-debounce";
import { searchProducts, type Product } from "@/api/products";
import { formatPrice } from "@/lib/format";
import { Button } from "@/components/button";

export function ProductSearch({ onAdd }: { onAdd: (product: Product) => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Product[]>([]);
  const debounced = useDebounce(query, 250);

  useEffect(() => {
    if (debounced.length < 2) return;
    searchProducts(debounced).then(setResults, () => setResults([]));
  }, [debounced]);

  return (
    <div className="product-search">
      <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search products" />
      <ul>
        {results.map((p) => (
          <li key={p.sku}>
            {p.title} · {formatPrice(p.price)}
            <Button variant="ghost" onClick={() => onAdd(p)}>
              Add
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
