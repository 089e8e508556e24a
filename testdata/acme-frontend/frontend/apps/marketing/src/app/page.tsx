import { Hero } from "@/components/hero";
import { FadeIn, FadeInStagger } from "@/components/animated/fade-in";
import { siteConfig } from "@/lib/config";

export default function MarketingHome() {
  return (
    <main>
      <Hero />
      <FadeInStagger className="mx-auto grid max-w-5xl gap-8 px-6 py-24 md:grid-cols-3">
        {siteConfig.highlights.map((highlight) => (
          <FadeIn key={highlight.title}>
            <h3 className="text-lg font-semibold">{highlight.title}</h3>
            <p className="mt-2 text-slate-600">{highlight.body}</p>
          </FadeIn>
        ))}
      </FadeInStagger>
    </main>
  );
}
