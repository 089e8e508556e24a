// Half-finished changelog component: the <p> below is never closed.
export function Changelog({ entries }: { entries: string[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-xl font-semibold">Changelog</h2>
      <p className="text-slate-500">
        {entries.length} releases
    </section>
  );
}
