import { notFound } from "next/navigation";
import { readAuthSession } from "@/lib/auth/session";
import { RoomView } from "@/components/room-view";
import { findRoom } from "@/lib/rooms";

export default async function RoomPage({ params }: { params: { room: string } }) {
  const [session, room] = await Promise.all([readAuthSession(), findRoom(params.room)]);
  if (!room) notFound();
  const canWrite = !!session && (room.open || session.roles.includes("moderator"));
  return <RoomView room={room} author={session?.userId ?? "guest"} readOnly={!canWrite} />;
}
