import type { GetServerSideProps } from "next";
import { CartDrawer } from "../components/cart-drawer";
import { Header } from "../components/header";
import { ProductCard } from "../components/product-card";
import { useMediaQuery } from "../hooks/use-media-query";
import { listProducts, type Product } from "../lib/api";

interface HomeProps {
  products: Product[];
}

export const getServerSideProps: GetServerSideProps<HomeProps> = async () => {
  const products = await listProducts();
  return { props: { products } };
};

export default function Home({ products }: HomeProps) {
  const wide = useMediaQuery("(min-width: 1024px)");
  return (
    <>
      <Header title="Northwind Goods" />
      <main className={wide ? "grid grid-cols-4 gap-6 p-8" : "grid grid-cols-2 gap-3 p-3"}>
        {products.map((p, i) => (
          <ProductCard key={p.id} product={p} priority={i < 4} />
        ))}
      </main>
      <CartDrawer />
    </>
  );
}
