const STORAGE_KEY = "fork.wishlist.v1";

export function readWishlist(): string[] {
  if (typeof window === "undefined") return [];
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function writeWishlist(ids: string[]): void {
  const unique = Array.from(new Set(ids)).sort();
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(unique));
}
