export function first(items: number[], limit: number) {
  const kept = items.filter((item) => item > limit);
  const total = kept.reduce((sum, item) => sum + item, 0);
  const average = kept.length > 0 ? total / kept.length : 0;
  return { kept, total, average };
}

export const unrelated = { name: 'alpha', size: 3, tags: ['x', 'y'] };

export function second(values: number[], floor: number) {
  const kept = values.filter((value) => value > floor);
  const total = kept.reduce((sum, value) => sum + value, 0);
  const average = kept.length > 0 ? total / kept.length : 0;
  return { kept, total, average };
}
