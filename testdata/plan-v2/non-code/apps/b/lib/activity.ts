export interface ActivityEvent {
  id: string;
  actor: string;
  summary: string;
  details: string;
  at: number;
}

interface RawEvent {
  event_id: string;
  actor_name?: string;
  kind: "deploy" | "comment" | "merge";
  payload: Record<string, string>;
  ts: string;
}

function describe(raw: RawEvent): Pick<ActivityEvent, "summary" | "details"> {
  switch (raw.kind) {
    case "deploy":
      return { summary: `Deployed ${raw.payload.version}`, details: raw.payload.environment ?? "" };
    case "comment":
      return { summary: "New comment", details: raw.payload.text ?? "" };
    case "merge":
      return { summary: `Merged #${raw.payload.number}`, details: raw.payload.title ?? "" };
  }
}

export async function recentActivity(limit: number): Promise<ActivityEvent[]> {
  const res = await fetch(`https://events.example.test/v1/stream?limit=${limit}`);
  const rows = (await res.json()) as RawEvent[];
  return rows
    .map((raw) => ({ id: raw.event_id, actor: raw.actor_name ?? "system", at: Date.parse(raw.ts), ...describe(raw) }))
    .sort((x, y) => y.at - x.at);
}
