import Image from "next/image";
import styles from "./hero.module.css";
import logo from "@/assets/logo.svg";
import features from "../data/features.json";
import { Button } from "@/components/ui/button";
import { FadeIn } from "@/components/animated/fade-in";
import { cn } from "@/lib/utils";

export function Hero() {
  return (
    <section className={cn(styles.hero, "px-6 py-32 text-center")}>
      <FadeIn>
        <Image src={logo} alt="Acme" width={64} height={64} className="mx-auto" priority />
        <h1 className="mt-6 text-5xl font-bold tracking-tight">Build it once. Ship it everywhere.</h1>
        <ul className="mt-6 flex justify-center gap-4 text-slate-600">
          {features.map((feature: { id: string; label: string }) => (
            <li key={feature.id}>{feature.label}</li>
          ))}
        </ul>
        <Button size="lg" className="mt-10">
          Start free trial
        </Button>
      </FadeIn>
    </section>
  );
}
