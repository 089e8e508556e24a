import { useThemeTokens } from "@kit/ui";
import { defaultTokens } from "@kit/ui/src/internal/theme";

export function useAccent(): { accent: string; isDefault: boolean } {
  const { accent } = useThemeTokens();
  return { accent, isDefault: accent === defaultTokens.accent };
}
