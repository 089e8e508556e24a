export function formatTitle(text) {
  return text.trim().replace(/\s+/g, " ");
}
