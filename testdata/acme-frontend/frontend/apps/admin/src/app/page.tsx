import { AdminToolbar } from "@/components/admin-toolbar";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describeRevenue, fetchRevenue } from "@/lib/analytics";
import { siteConfig } from "@/lib/config";

export default async function AdminHome() {
  const revenue = await fetchRevenue();
  return (
    <main className="space-y-6 p-8">
      <AdminToolbar title={siteConfig.name} />
      <Card>
        <CardHeader>
          <CardTitle>Revenue</CardTitle>
        </CardHeader>
        <CardContent>{describeRevenue(revenue)}</CardContent>
      </Card>
    </main>
  );
}
