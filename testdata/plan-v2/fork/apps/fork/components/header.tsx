import Link from "next/link";
import { useCart } from "../hooks/use-cart";

const NAV_LINKS = [
  { href: "/", label: "Shop" },
  { href: "/collections", label: "Collections" },
  { href: "/wishlist", label: "Wishlist" },
  { href: "/about", label: "Our story" },
];

export function Header({ title }: { title: string }) {
  const { count, open } = useCart();
  return (
    <header className="flex items-center justify-between border-b px-6 py-4">
      <Link href="/" className="text-lg font-semibold">
        {title}
      </Link>
      <nav className="flex gap-4 text-sm">
        {NAV_LINKS.map((link) => (
          <Link key={link.href} href={link.href} className="hover:underline">
            {link.label}
          </Link>
        ))}
      </nav>
      <button type="button" onClick={open} className="rounded-full bg-black px-3 py-1 text-white">
        Bag ({count})
      </button>
    </header>
  );
}
