import { useCallback, useEffect, useState } from "react";
import { readWishlist, writeWishlist } from "../lib/wishlist";

export function useWishlist() {
  const [ids, setIds] = useState<string[]>([]);

  useEffect(() => {
    setIds(readWishlist());
  }, []);

  const toggle = useCallback((id: string) => {
    setIds((current) => {
      const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
      writeWishlist(next);
      return next;
    });
  }, []);

  return { ids, toggle, has: (id: string) => ids.includes(id) };
}
