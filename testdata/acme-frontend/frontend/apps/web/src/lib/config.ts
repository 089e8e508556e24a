import { APP_URLS } from "@acme/config";

export const siteConfig = {
  name: "Acme",
  description: "Acme helps product teams ship faster.",
  url: APP_URLS.web,
  nav: [
    { label: "Pricing", href: "/pricing" },
    { label: "Docs", href: APP_URLS.docs },
    { label: "Sign in", href: "/login" },
  ],
} as const;

export const DEFAULT_LOCALE = "en";
export const SUPPORTED_LOCALES = ["en", "de"] as const;
