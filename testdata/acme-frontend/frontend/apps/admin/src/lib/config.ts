import { APP_URLS, DEFAULT_PAGE_SIZE } from "@acme/config";
import { FLAGS, flagKey } from "./legacy-flags";

export const siteConfig = {
  name: "Acme Admin",
  description: "Internal administration for Acme.",
  url: APP_URLS.admin,
  pageSize: DEFAULT_PAGE_SIZE,
  flags: FLAGS.map(flagKey),
} as const;
