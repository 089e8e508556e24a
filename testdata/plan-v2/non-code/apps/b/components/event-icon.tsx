const ICONS: Record<string, { glyph: string; label: string; tint: string }> = {
  deploy: { glyph: "\u2191", label: "Deployment", tint: "text-violet-600" },
  comment: { glyph: "\u270e", label: "Comment", tint: "text-sky-600" },
  merge: { glyph: "\u2387", label: "Merge", tint: "text-emerald-600" },
};

export function EventIcon({ summary }: { summary: string }) {
  const kind = summary.startsWith("Deployed") ? "deploy" : summary.startsWith("Merged") ? "merge" : "comment";
  const icon = ICONS[kind];
  return (
    <abbr title={icon.label} className={`no-underline ${icon.tint}`}>
      {icon.glyph}
    </abbr>
  );
}
