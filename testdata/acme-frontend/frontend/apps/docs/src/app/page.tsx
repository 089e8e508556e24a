import { Button, Card, CardContent, CardHeader, CardTitle } from "@acme/ui";
import { searchDocs } from "@/lib/search";
import { siteConfig } from "@/lib/config";

export default function DocsHome() {
  const gettingStarted = searchDocs("getting started");
  return (
    <main className="space-y-6">
      <h1 className="text-3xl font-bold">{siteConfig.name}</h1>
      {gettingStarted.map((doc) => (
        <Card key={doc.slug}>
          <CardHeader>
            <CardTitle>{doc.title}</CardTitle>
          </CardHeader>
          <CardContent>
            <Button variant="link">Read {doc.title}</Button>
          </CardContent>
        </Card>
      ))}
    </main>
  );
}
