import Link from "next/link";
import { Button, Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { FadeIn } from "@/components/animated/fade-in";
import { siteConfig } from "@/lib/config";
import type { User } from "@/types/user";

type Testimonial = Pick<User, "displayName" | "role"> & { quote: string };

const testimonials: Testimonial[] = [
  { displayName: "Dana Whitfield", role: "owner", quote: "We cut our release cycle in half." },
  { displayName: "Omar Haddad", role: "admin", quote: "Onboarding a new team takes minutes now." },
];

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <FadeIn>
        <h1 className="text-4xl font-bold tracking-tight">{siteConfig.name}</h1>
        <p className="mt-4 text-lg text-slate-600">{siteConfig.description}</p>
        <Link href="/pricing" className="mt-8 inline-block">
          <Button size="lg">See pricing</Button>
        </Link>
      </FadeIn>
      <section className="mt-16 grid gap-6 md:grid-cols-2">
        {testimonials.map((item) => (
          <Card key={item.displayName}>
            <CardHeader>
              <CardTitle>{item.displayName}</CardTitle>
            </CardHeader>
            <CardContent>&ldquo;{item.quote}&rdquo;</CardContent>
          </Card>
        ))}
      </section>
    </main>
  );
}
