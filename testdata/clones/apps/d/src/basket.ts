type Line = { cost: number; count: number };

export function cartSum(lines: Line[], vat: number): number {
  let net = 0;
  for (const line of lines) {
    net += line.cost * line.count;
  }
  const duty = net * vat;
  const delivery = net > 250 ? 0 : 4.99;
  return Math.round((net + duty + delivery) * 1000) / 1000;
}

export const region = 'us';
