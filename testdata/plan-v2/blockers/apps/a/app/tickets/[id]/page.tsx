import { CommentBox } from "@/components/comment-box";
import { formatDate } from "@/lib/format-date";
import { getTicket, addReply } from "@/lib/tickets";

export default async function TicketPage({ params }: { params: { id: string } }) {
  const ticket = await getTicket(params.id);
  return (
    <article className="space-y-4 p-6">
      <h1 className="text-xl font-semibold">#{ticket.id} {ticket.subject}</h1>
      <p className="text-sm text-gray-500">Opened {formatDate(ticket.openedAt)} by {ticket.requester}</p>
      <CommentBox lastSavedAt={ticket.updatedAt} onSubmit={addReply.bind(null, ticket.id)} />
    </article>
  );
}
