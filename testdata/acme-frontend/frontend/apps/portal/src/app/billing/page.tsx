import type { Plan } from "@acme/types";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { describePlan, yearlySavings } from "@/lib/pricing";

const plans: Plan[] = [
  { id: "team", name: "Team", priceCents: 2900, interval: "month", features: ["Unlimited projects"] },
  { id: "team-yearly", name: "Team (yearly)", priceCents: 29000, interval: "year", features: ["Unlimited projects"] },
];

export default function BillingPage() {
  return (
    <main className="mx-auto grid max-w-4xl gap-6 p-8 md:grid-cols-2">
      {plans.map((plan) => (
        <Card key={plan.id}>
          <CardHeader>
            <CardTitle>{plan.name}</CardTitle>
            <CardDescription>{describePlan(plan)}</CardDescription>
          </CardHeader>
          <CardContent>Save {yearlySavings(2900, 29000)}% with yearly billing.</CardContent>
        </Card>
      ))}
    </main>
  );
}
