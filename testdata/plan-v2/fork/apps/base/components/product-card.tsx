import Image from "next/image";
import type { Product } from "../lib/api";
import { useCart } from "../hooks/use-cart";

interface ProductCardProps {
  product: Product;
  priority?: boolean;
}

export function ProductCard({ product, priority = false }: ProductCardProps) {
  const { add } = useCart();
  const soldOut = product.stock <= 0;
  const price = (product.priceCents / 100).toFixed(2);
  return (
    <article className="group flex flex-col gap-3 rounded-xl border p-4">
      <Image
        src={product.imageUrl}
        alt={product.name}
        width={320}
        height={320}
        priority={priority}
        className="aspect-square rounded-lg object-cover"
      />
      <h3 className="font-medium">{product.name}</h3>
      <p className="text-sm text-neutral-500">{price} EUR</p>
      <button
        type="button"
        disabled={soldOut}
        onClick={() => add(product.id)}
        className="mt-auto rounded-md bg-neutral-900 py-2 text-white disabled:opacity-40"
      >
        {soldOut ? "Sold out" : "Add to cart"}
      </button>
    </article>
  );
}
