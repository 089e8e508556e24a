import { appConfig } from "@/lib/config";

export interface Ticket {
  id: string;
  subject: string;
  requester: string;
  priority: (typeof appConfig.priorities)[number];
  openedAt: Date;
  updatedAt: Date;
}

const tickets = new Map<string, Ticket>();

export async function getTicket(id: string): Promise<Ticket> {
  const found = tickets.get(id);
  if (found) return found;
  const now = new Date();
  const created: Ticket = { id, subject: "New ticket", requester: appConfig.supportEmail, priority: "normal", openedAt: now, updatedAt: now };
  tickets.set(id, created);
  return created;
}

export async function addReply(id: string, body: string): Promise<void> {
  "use server";
  const ticket = await getTicket(id);
  if (body.length > 0) {
    tickets.set(id, { ...ticket, updatedAt: new Date() });
  }
}

export function escalate(ticket: Ticket): Ticket {
  const order = appConfig.priorities;
  const next = order[Math.min(order.indexOf(ticket.priority) + 1, order.length - 1)];
  return { ...ticket, priority: next };
}
