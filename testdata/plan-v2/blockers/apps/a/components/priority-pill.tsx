import type { Ticket } from "@/lib/tickets";

const COLORS: Record<Ticket["priority"], string> = {
  low: "bg-slate-100 text-slate-700",
  normal: "bg-sky-100 text-sky-800",
  urgent: "bg-red-100 text-red-800",
};

export function PriorityPill({ ticket }: { ticket: Ticket }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs ${COLORS[ticket.priority]}`}>{ticket.priority}</span>;
}
