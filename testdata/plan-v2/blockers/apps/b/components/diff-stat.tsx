export function DiffStat({ diff }: { diff: string }) {
  let added = 0;
  let removed = 0;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++") || line.startsWith("---")) continue;
    if (line.startsWith("+")) added += 1;
    else if (line.startsWith("-")) removed += 1;
  }
  return (
    <span className="font-mono text-xs">
      <span className="text-green-700">+{added}</span> <span className="text-red-700">-{removed}</span>
    </span>
  );
}
