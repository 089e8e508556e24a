export const siteConfig = {
  name: "Acme Docs",
  description: "Guides and API reference for Acme.",
  editBaseUrl: "https://git.acme.example/acme/docs/edit/main",
  sidebar: ["getting-started", "deployments", "api-reference"],
} as const;
