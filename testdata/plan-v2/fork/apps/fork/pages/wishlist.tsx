import { useEffect, useState } from "react";
import { Header } from "../components/header";
import { WishlistButton } from "../components/wishlist-button";
import { useWishlist } from "../hooks/use-wishlist";
import { getProduct, type Product } from "../lib/api";

export default function WishlistPage() {
  const { ids } = useWishlist();
  const [items, setItems] = useState<Product[]>([]);

  useEffect(() => {
    let alive = true;
    Promise.all(ids.map((id) => getProduct(id))).then((found) => {
      if (alive) setItems(found);
    });
    return () => {
      alive = false;
    };
  }, [ids]);

  return (
    <>
      <Header title="Saved items" />
      <ul className="divide-y p-6">
        {items.map((item) => (
          <li key={item.id} className="flex items-center justify-between py-3">
            <span>{item.name}</span>
            <WishlistButton productId={item.id} />
          </li>
        ))}
      </ul>
    </>
  );
}
