"use client";

import { FadeIn } from "@/components/animated/fade-in";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useLocalStorage } from "@/hooks/use-local-storage";
import { buildReport } from "@/lib/export-report";
import { siteConfig } from "@/lib/config";

export default function StudioHome() {
  const [title, setTitle] = useLocalStorage("studio:draft-title", "Untitled");
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-8">
      <FadeIn direction="none">
        <h1 className="text-2xl font-semibold">{siteConfig.name}</h1>
      </FadeIn>
      <Input label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <Button onClick={() => console.log(buildReport(title, new Date()))}>Export</Button>
    </main>
  );
}
