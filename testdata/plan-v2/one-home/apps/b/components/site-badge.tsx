type SiteStatus = "open" | "maintenance" | "closed";

const STATUS_STYLE: Record<SiteStatus, string> = {
  open: "bg-emerald-100 text-emerald-800",
  maintenance: "bg-amber-100 text-amber-800",
  closed: "bg-zinc-200 text-zinc-600",
};

export function SiteBadge({ name, status }: { name: string; status: SiteStatus }) {
  const label = status === "maintenance" ? "under maintenance" : status;
  return (
    <span className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs ${STATUS_STYLE[status]}`}>
      <strong>{name}</strong>
      <em className="not-italic opacity-80">{label}</em>
    </span>
  );
}
