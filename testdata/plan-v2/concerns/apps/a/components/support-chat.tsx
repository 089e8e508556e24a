"use client";

import { useEffect, useMemo, useState } from "react";
import { createChatSession, type ChatMessage } from "@/lib/chat/session";

export function SupportChat({ me }: { me: string }) {
  const chat = useMemo(() => createChatSession(`support-${me}`), [me]);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [typing, setTyping] = useState<string[]>([]);
  const [draft, setDraft] = useState("");

  useEffect(
    () =>
      chat.subscribe((s) => {
        setMessages(s.messages);
        setTyping(s.typing.filter((t) => t !== me));
      }),
    [chat, me],
  );

  return (
    <div className="flex flex-1 flex-col gap-2">
      <ol className="flex-1 space-y-1 overflow-y-auto">
        {messages.map((m) => (
          <li key={m.id} className={m.author === me ? "text-right" : ""}>
            <span className={m.pending ? "opacity-50" : ""}>{m.text}</span>
          </li>
        ))}
      </ol>
      {typing.length > 0 && <p className="text-xs text-gray-400">{typing.join(", ")} typing...</p>}
      <input
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          chat.setTyping(me);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && draft.trim()) {
            chat.post(me, draft.trim());
            setDraft("");
          }
        }}
      />
    </div>
  );
}
