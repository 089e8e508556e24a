export const siteConfig = {
  name: "Acme",
  description: "The delivery platform for product teams.",
  highlights: [
    { title: "Fast", body: "Every push becomes a preview in seconds." },
    { title: "Safe", body: "Roll back any release with one click." },
    { title: "Shared", body: "One design system across every app." },
  ],
} as const;
