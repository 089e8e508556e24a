import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from "@/lib/config";

export type Messages = Record<string, string>;

const cache = new Map<string, Messages>();

export function isSupportedLocale(lang: string): boolean {
  return (SUPPORTED_LOCALES as readonly string[]).includes(lang);
}

export async function loadMessages(lang: string): Promise<Messages> {
  const locale = isSupportedLocale(lang) ? lang : DEFAULT_LOCALE;
  const cached = cache.get(locale);
  if (cached) return cached;
  const mod = await import(`./locales/${locale}`);
  cache.set(locale, mod.messages);
  return mod.messages;
}

export async function loadFallbackMessages(): Promise<Messages> {
  const mod = await import("./locales/en");
  return mod.messages;
}
