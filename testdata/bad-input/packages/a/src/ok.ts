export function describe(value: number): string {
  return `value=${value}`;
}
