import type { Plan } from "@acme/types";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCurrency } from "@/lib/format-currency";
import { loadMessages } from "@/lib/i18n";

const plans: Plan[] = [
  { id: "starter", name: "Starter", priceCents: 0, interval: "month", features: ["3 projects", "Community support"] },
  { id: "team", name: "Team", priceCents: 2900, interval: "month", features: ["Unlimited projects", "Email support"] },
  { id: "enterprise", name: "Enterprise", priceCents: 99000, interval: "year", features: ["SSO", "Audit log"] },
];

export default async function PricingPage({ searchParams }: { searchParams: { lang?: string } }) {
  const t = await loadMessages(searchParams.lang ?? "en");
  return (
    <main className="mx-auto grid max-w-5xl gap-6 px-6 py-16 md:grid-cols-3">
      {plans.map((plan) => (
        <Card key={plan.id}>
          <CardHeader>
            <CardTitle>{plan.name}</CardTitle>
            <CardDescription>
              {formatCurrency(plan.priceCents)} / {t[`interval.${plan.interval}`] ?? plan.interval}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {plan.features.map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ))}
    </main>
  );
}
