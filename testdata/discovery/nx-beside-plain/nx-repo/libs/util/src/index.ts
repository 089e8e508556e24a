export const slug = (s: string) => s.toLowerCase();
