import type { Ticket } from "@/lib/tickets";

const RESPONSE_HOURS: Record<Ticket["priority"], number> = { low: 72, normal: 24, urgent: 4 };

function addBusinessHours(start: Date, hours: number): Date {
  const due = new Date(start);
  let remaining = hours;
  while (remaining > 0) {
    due.setHours(due.getHours() + 1);
    const day = due.getDay();
    const hour = due.getHours();
    if (day !== 0 && day !== 6 && hour >= 9 && hour < 17) {
      remaining -= 1;
    }
  }
  return due;
}

export function responseDue(ticket: Ticket): Date {
  return addBusinessHours(ticket.openedAt, RESPONSE_HOURS[ticket.priority]);
}

export function isBreached(ticket: Ticket, now = new Date()): boolean {
  return ticket.updatedAt.getTime() === ticket.openedAt.getTime() && now > responseDue(ticket);
}

export function breachReport(tickets: Ticket[], now = new Date()) {
  const breached = tickets.filter((t) => isBreached(t, now));
  const byPriority = new Map<Ticket["priority"], number>();
  for (const t of breached) {
    byPriority.set(t.priority, (byPriority.get(t.priority) ?? 0) + 1);
  }
  return {
    total: tickets.length,
    breached: breached.length,
    ratio: tickets.length === 0 ? 0 : breached.length / tickets.length,
    byPriority: Object.fromEntries(byPriority),
  };
}
