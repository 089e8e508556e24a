import { Avatar } from "@/components/avatar";
import { Card } from "@/components/card";
import { recentActivity } from "@/lib/activity";

export default async function ActivityPage() {
  const events = await recentActivity(25);
  return (
    <div className="grid gap-3 p-4">
      {events.map((ev) => (
        <Card key={ev.id} title={ev.summary} collapsible={ev.details.length > 0}>
          <div className="flex items-center gap-2">
            <Avatar name={ev.actor} size={24} />
            <span>{ev.details}</span>
          </div>
        </Card>
      ))}
    </div>
  );
}
