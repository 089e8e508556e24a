import { useWishlist } from "../hooks/use-wishlist";

export function WishlistButton({ productId }: { productId: string }) {
  const { has, toggle } = useWishlist();
  const saved = has(productId);
  return (
    <button
      type="button"
      aria-pressed={saved}
      onClick={() => toggle(productId)}
      title={saved ? "Remove from wishlist" : "Save for later"}
      className={saved ? "text-rose-600" : "text-neutral-400 hover:text-rose-500"}
    >
      {saved ? "\u2665" : "\u2661"}
    </button>
  );
}
