const BLOCKED_WORDS = ["spamlink", "buy-followers", "free-crypto"];
const MAX_CAPS_RATIO = 0.7;
const MAX_REPEAT = 4;

export type Verdict = { allowed: true } | { allowed: false; reason: string };

function capsRatio(text: string): number {
  const letters = text.replace(/[^a-zA-Z]/g, "");
  if (letters.length < 8) return 0;
  return letters.replace(/[^A-Z]/g, "").length / letters.length;
}

export function moderate(text: string, recent: string[]): Verdict {
  const lower = text.toLowerCase();
  const hit = BLOCKED_WORDS.find((w) => lower.includes(w));
  if (hit) return { allowed: false, reason: `contains "${hit}"` };
  if (capsRatio(text) > MAX_CAPS_RATIO) return { allowed: false, reason: "too much shouting" };
  const repeats = recent.filter((r) => r === text).length;
  if (repeats >= MAX_REPEAT) return { allowed: false, reason: "repeated message" };
  return { allowed: true };
}

export function slowModeDelay(messagesLastMinute: number): number {
  if (messagesLastMinute < 30) return 0;
  if (messagesLastMinute < 90) return 5;
  return 15;
}

export function redactLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, (url) => {
    try {
      return `[link: ${new URL(url).hostname}]`;
    } catch {
      return "[link]";
    }
  });
}
