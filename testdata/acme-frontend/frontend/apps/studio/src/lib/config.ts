import { APP_URLS, isFeatureEnabled } from "@acme/config";

export const siteConfig = {
  name: "Acme Studio",
  description: "Design and publish content for Acme sites.",
  previewUrl: APP_URLS.web,
  collaboration: isFeatureEnabled("studio-collab"),
} as const;
