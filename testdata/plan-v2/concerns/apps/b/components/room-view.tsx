"use client";

import { useEffect, useRef, useState } from "react";
import { createChatSession } from "@/lib/chat/session";
import type { Room } from "@/lib/rooms";

export function RoomView({ room, author, readOnly }: { room: Room; author: string; readOnly: boolean }) {
  const chatRef = useRef(createChatSession(room.slug, 500));
  const [lines, setLines] = useState<string[]>([]);
  const listEnd = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stop = chatRef.current.subscribe(({ messages }) => {
      setLines(messages.map((m) => `${m.author}: ${m.text}`));
    });
    return () => {
      stop();
    };
  }, []);

  useEffect(() => {
    listEnd.current?.scrollIntoView({ behavior: "smooth" });
  }, [lines.length]);

  return (
    <section aria-label={room.title} className="grid h-full grid-rows-[auto_1fr_auto]">
      <header className="border-b p-2 font-semibold">#{room.slug}</header>
      <pre className="overflow-auto whitespace-pre-wrap p-2">
        {lines.join("\n")}
        <div ref={listEnd} />
      </pre>
      {!readOnly && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const field = e.currentTarget.elements.namedItem("line") as HTMLInputElement;
            chatRef.current.post(author, field.value);
            field.value = "";
          }}
        >
          <input name="line" autoComplete="off" className="w-full border-t p-2" />
        </form>
      )}
    </section>
  );
}
