"use client";

import { useState } from "react";
import blocks from "@/page-builder/blocks";
import { Button as DragHandle } from "@/page-builder/components/button";
import defaults from "@/lib/editor-defaults";
import { formatCurrency } from "@/lib/format";
import { useDebounce } from "@/hooks/use-debounce";

export default function EditorPage() {
  const [offsets, setOffsets] = useState<Record<string, number>>({});
  const [budget, setBudget] = useState(0);
  const settledBudget = useDebounce(budget, defaults.autosaveMs / 10);

  return (
    <div className="grid grid-cols-[2rem_1fr] gap-2">
      {blocks.map((b) => (
        <div key={b.key} style={{ transform: `translateY(${offsets[b.key] ?? 0}px)` }} className="contents">
          {!b.locked && <DragHandle blockId={b.key} onMove={(id, dy) => setOffsets((o) => ({ ...o, [id]: dy }))} />}
          <section className="rounded border p-4">{b.kind}</section>
        </div>
      ))}
      <input type="number" value={budget} onChange={(e) => setBudget(Number(e.target.value))} />
      <output>{formatCurrency(settledBudget)}</output>
    </div>
  );
}
