"use client";

import { useState } from "react";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function InviteForm({ seatsLeft }: { seatsLeft: number }) {
  const [emails, setEmails] = useState("");
  const [sent, setSent] = useState<string[]>([]);
  const list = emails.split(/[,\s]+/).filter(Boolean);
  const invalid = list.filter((e) => !EMAIL.test(e));

  async function send() {
    const res = await fetch("/api/invites", { method: "POST", body: JSON.stringify({ emails: list }) });
    if (res.ok) {
      setSent(list);
      setEmails("");
    }
  }

  return (
    <div className="space-y-2">
      <textarea value={emails} onChange={(e) => setEmails(e.target.value)} className="w-full border p-2" />
      {invalid.length > 0 && <p className="text-red-600">Not an address: {invalid.join(", ")}</p>}
      {list.length > seatsLeft && <p className="text-amber-700">Only {seatsLeft} seats left.</p>}
      <button disabled={invalid.length > 0 || list.length === 0 || list.length > seatsLeft} onClick={send}>
        Invite {list.length || ""}
      </button>
      {sent.length > 0 && <p>Invited {sent.length} people.</p>}
    </div>
  );
}
