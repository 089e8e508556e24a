export const siteConfig = {
  name: "Acme Customer Portal",
  description: "Invoices, plans and support for Acme customers.",
  supportUrl: "https://support.acme.example",
  invoicePageSize: 20,
} as const;
