import { seatsLeft, type Team } from "@/lib/team";

export function SeatMeter({ team, seats }: { team: Team; seats: number }) {
  const used = team.members.length;
  const pct = seats === 0 ? 100 : Math.min(100, Math.round((used / seats) * 100));
  const tone = pct >= 90 ? "bg-red-500" : pct >= 70 ? "bg-amber-400" : "bg-brand-500";
  return (
    <figure className="w-64">
      <div className="h-2 overflow-hidden rounded bg-slate-200">
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">
        {used} of {seats} seats used, {seatsLeft(team, seats)} free
      </figcaption>
    </figure>
  );
}
