export interface ChatMessage {
  id: string;
  author: string;
  text: string;
  sentAt: number;
  pending: boolean;
}

type Listener = (state: { messages: ChatMessage[]; typing: string[] }) => void;

export function createChatSession(roomId: string, maxMessages = 200) {
  let messages: ChatMessage[] = [];
  const typing = new Map<string, number>();
  const listeners = new Set<Listener>();

  function emit() {
    const now = Date.now();
    for (const [who, until] of typing) {
      if (until < now) typing.delete(who);
    }
    const snapshot = { messages, typing: [...typing.keys()].sort() };
    listeners.forEach((fn) => fn(snapshot));
  }

  return {
    roomId,
    post(author: string, text: string): ChatMessage {
      const message = { id: `${roomId}-${Date.now()}-${messages.length}`, author, text, sentAt: Date.now(), pending: true };
      messages = [...messages, message].slice(-maxMessages);
      typing.delete(author);
      emit();
      return message;
    },
    confirm(id: string) {
      messages = messages.map((m) => (m.id === id ? { ...m, pending: false } : m));
      emit();
    },
    setTyping(author: string, seconds = 4) {
      typing.set(author, Date.now() + seconds * 1000);
      emit();
    },
    subscribe(fn: Listener) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
