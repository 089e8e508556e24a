/** Loads the search hook's chunk while the visitor hovers the search icon. */
export function preloadSearch(): Promise<unknown> {
  return import("@/hooks/use-debounce");
}
