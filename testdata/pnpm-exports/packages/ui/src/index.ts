export { Button } from "./button";
export type { ButtonProps } from "./button";
export * from "./icons/star";
export { ThemeProvider, useThemeTokens } from "./internal/theme";
