const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDate(value: Date | string | number, now: Date = new Date()): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return "unknown date";
  }
  const diff = now.getTime() - date.getTime();
  if (diff >= 0 && diff < MINUTE) return "just now";
  if (diff >= 0 && diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  if (diff >= 0 && diff < DAY) return `${Math.floor(diff / HOUR)} h ago`;
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
  });
}
