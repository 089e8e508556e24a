import { add } from "./math";

export function total(values: number[]): number {
  let sum = 0;
  const bonus = ;
  for (const value of values) sum = add(sum, value);
  return sum + bonus;
}
