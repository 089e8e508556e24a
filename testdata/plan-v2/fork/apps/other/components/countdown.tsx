"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "../lib/format-duration";

type Phase = "idle" | "running" | "done";

export function Countdown({ seconds, onDone }: { seconds: number; onDone?: () => void }) {
  const [remaining, setRemaining] = useState(seconds);
  const [phase, setPhase] = useState<Phase>("idle");
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    if (phase !== "running") return undefined;
    const started = Date.now();
    const tick = window.setInterval(() => {
      const elapsed = Math.round((Date.now() - started) / 1000);
      const rest = seconds - elapsed;
      if (rest <= 0) {
        window.clearInterval(tick);
        setRemaining(0);
        setPhase("done");
        doneRef.current?.();
      } else {
        setRemaining(rest);
      }
    }, 250);
    return () => window.clearInterval(tick);
  }, [phase, seconds]);

  return (
    <div className="inline-flex items-center gap-3 font-mono">
      <span className={phase === "done" ? "text-green-700" : ""}>{formatDuration(remaining, 3)}</span>
      {phase === "idle" && (
        <button onClick={() => setPhase("running")} className="underline">
          start
        </button>
      )}
    </div>
  );
}
