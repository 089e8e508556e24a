const enabled = typeof process !== "undefined" && process.env.KIT_STORE_DEBUG === "1";

export function logChange(message: string): void {
  if (enabled) console.debug(`[kit/store] ${message}`);
}
