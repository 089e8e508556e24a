const domain = process.env.NEXT_PUBLIC_ROOT_DOMAIN ?? "acme.example";

export const APP_URLS = {
  web: `https://${domain}`,
  admin: `https://admin.${domain}`,
  dashboard: `https://app.${domain}`,
  docs: `https://docs.${domain}`,
  portal: `https://portal.${domain}`,
  studio: `https://studio.${domain}`,
} as const;

export type AppName = keyof typeof APP_URLS;
