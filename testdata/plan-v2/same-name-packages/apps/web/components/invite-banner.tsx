"use client";

import { useState } from "react";

export function InviteBanner({ seats }: { seats: number }) {
  const [hidden, setHidden] = useState(false);
  if (hidden || seats <= 0) return null;
  return (
    <div role="status" className="flex items-center justify-between rounded bg-indigo-50 px-4 py-3 text-indigo-900">
      <span>You can still invite {seats} {seats === 1 ? "person" : "people"} to your team.</span>
      <span className="flex gap-3">
        <a href="/team/invite" className="font-medium underline">
          Invite
        </a>
        <button onClick={() => setHidden(true)} aria-label="Dismiss">
          Close
        </button>
      </span>
    </div>
  );
}
