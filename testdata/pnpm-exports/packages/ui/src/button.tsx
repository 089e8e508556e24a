import type { ButtonHTMLAttributes } from "react";
import { useThemeTokens } from "./internal/theme";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary";
}

export function Button({ variant = "secondary", style, ...props }: ButtonProps) {
  const tokens = useThemeTokens();
  const background = variant === "primary" ? tokens.accent : tokens.surface;
  return <button style={{ background, borderRadius: tokens.radius, ...style }} {...props} />;
}
