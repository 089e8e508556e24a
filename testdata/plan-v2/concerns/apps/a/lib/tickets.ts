export type TicketState = "new" | "waiting" | "solved";

export interface SupportTicket {
  id: number;
  subject: string;
  state: TicketState;
  updatedAt: number;
}

const TRANSITIONS: Record<TicketState, TicketState[]> = {
  new: ["waiting", "solved"],
  waiting: ["new", "solved"],
  solved: ["new"],
};

export function move(ticket: SupportTicket, to: TicketState): SupportTicket {
  if (!TRANSITIONS[ticket.state].includes(to)) {
    throw new Error(`cannot move ticket ${ticket.id} from ${ticket.state} to ${to}`);
  }
  return { ...ticket, state: to, updatedAt: Date.now() };
}

export function stale(tickets: SupportTicket[], days: number): SupportTicket[] {
  const cutoff = Date.now() - days * 86400000;
  return tickets.filter((t) => t.state === "waiting" && t.updatedAt < cutoff);
}
