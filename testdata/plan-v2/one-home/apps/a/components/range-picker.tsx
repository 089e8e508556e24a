"use client";

const RANGES = [7, 14, 30, 90] as const;
export type Range = (typeof RANGES)[number];

export function RangePicker({ value, onChange }: { value: Range; onChange: (next: Range) => void }) {
  return (
    <div role="radiogroup" aria-label="Date range" className="inline-flex overflow-hidden rounded border">
      {RANGES.map((r) => (
        <button
          key={r}
          role="radio"
          aria-checked={r === value}
          onClick={() => onChange(r)}
          className={r === value ? "bg-gray-900 px-3 py-1 text-white" : "px-3 py-1"}
        >
          {r}d
        </button>
      ))}
    </div>
  );
}
