"use client";

import { useState } from "react";
import { Textarea } from "./ui/textarea";
import { appConfig } from "@/lib/config";
import { formatDate } from "@/lib/format-date";

interface CommentBoxProps {
  lastSavedAt?: Date;
  onSubmit: (body: string) => Promise<void>;
}

export function CommentBox({ lastSavedAt, onSubmit }: CommentBoxProps) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const left = appConfig.commentMaxLength - body.length;

  async function submit() {
    if (busy || body.trim().length === 0 || left < 0) return;
    setBusy(true);
    try {
      await onSubmit(body.trim());
      setBody("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="space-y-2">
      <Textarea value={body} onChange={(e) => setBody(e.target.value)} placeholder="Write a comment" />
      <div className="flex items-center justify-between text-xs text-gray-500">
        <span className={left < 0 ? "text-red-600" : ""}>{left} characters left</span>
        {lastSavedAt && <span>Last saved {formatDate(lastSavedAt)}</span>}
        <button type="submit" disabled={busy || left < 0} className="rounded bg-gray-900 px-3 py-1 text-white">
          {busy ? "Posting..." : "Post"}
        </button>
      </div>
    </form>
  );
}
