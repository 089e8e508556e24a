import { createContext, createElement, useContext } from "react";
import type { ReactNode } from "react";

export interface ThemeTokens {
  accent: string;
  surface: string;
  radius: number;
}

export const defaultTokens: ThemeTokens = { accent: "#7c3aed", surface: "#f4f4f5", radius: 8 };

const ThemeContext = createContext<ThemeTokens>(defaultTokens);

export function ThemeProvider({ tokens = defaultTokens, children }: { tokens?: ThemeTokens; children: ReactNode }) {
  return createElement(ThemeContext.Provider, { value: tokens }, children);
}

export function useThemeTokens(): ThemeTokens {
  return useContext(ThemeContext);
}
