export function label(text: string): string {
  return text.trim();
}
