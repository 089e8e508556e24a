import { ThemeProvider } from "@kit/ui";
import { Button } from "@kit/ui/button";
import type { ButtonProps } from "@kit/ui/button";
import { StarIcon } from "@kit/ui/icons/star";
import { formatPrice } from "@kit/utils";
import { CartPage } from "~/pages/cart";

const checkoutProps: ButtonProps = { variant: "primary" };

export function App() {
  return (
    <ThemeProvider>
      <header>
        <StarIcon size={20} /> Kit Shop - free shipping over {formatPrice(5000)}
      </header>
      <CartPage />
      <Button {...checkoutProps}>Checkout</Button>
    </ThemeProvider>
  );
}
