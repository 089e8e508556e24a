import type { ReactNode } from "react";
import { ThemeProvider } from "@kit/ui";

export default function BlogLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ThemeProvider>{children}</ThemeProvider>
      </body>
    </html>
  );
}
