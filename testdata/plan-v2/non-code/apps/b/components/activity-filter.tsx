"use client";

import { useMemo, useState } from "react";
import type { ActivityEvent } from "@/lib/activity";

export function ActivityFilter({ events, children }: { events: ActivityEvent[]; children: (shown: ActivityEvent[]) => JSX.Element }) {
  const [actor, setActor] = useState<string>("all");
  const [since, setSince] = useState(24);
  const actors = useMemo(() => Array.from(new Set(events.map((e) => e.actor))).sort(), [events]);
  const cutoff = Date.now() - since * 3600 * 1000;
  const shown = events.filter((e) => (actor === "all" || e.actor === actor) && e.at >= cutoff);

  return (
    <>
      <div className="flex gap-2">
        <select value={actor} onChange={(e) => setActor(e.target.value)}>
          <option value="all">Everyone</option>
          {actors.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <input type="range" min={1} max={168} value={since} onChange={(e) => setSince(Number(e.target.value))} />
        <span>{since} h</span>
      </div>
      {children(shown)}
    </>
  );
}
