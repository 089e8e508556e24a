"use client";

import { Reveal } from "@/components/animated/fade-in";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useAuth } from "@/contexts/auth-context";
import { siteConfig } from "@/lib/config";

export default function PortalHome() {
  const { user, signOut } = useAuth();
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-8">
      <Reveal>
        <h1 className="text-3xl font-semibold">{siteConfig.name}</h1>
      </Reveal>
      <Card>
        <CardHeader>
          <CardTitle>Signed in as {user?.email ?? "guest"}</CardTitle>
        </CardHeader>
        <CardContent>
          <Button variant="secondary" onClick={() => signOut()}>
            Sign out
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
