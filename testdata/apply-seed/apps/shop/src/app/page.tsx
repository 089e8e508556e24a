"use client";

import { useCallback, useState } from "react";
import { CartSummary } from "@/components/cart-summary";
import { SearchField } from "@/components/search-field";
import type { OrderLine } from "@/lib/types";

export default function ShopPage() {
  const [lines] = useState<OrderLine[]>([]);
  const [term, setTerm] = useState("");
  const search = useCallback((t: string) => setTerm(t), []);
  return (
    <div className="shop">
      <SearchField onSearch={search} />
      {term && <p>Results for “{term}”</p>}
      <CartSummary lines={lines} onCheckout={() => window.location.assign("/checkout")} />
    </div>
  );
}
