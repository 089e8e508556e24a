export function roundCents(value: number): number {
  return Math.round(value);
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}
