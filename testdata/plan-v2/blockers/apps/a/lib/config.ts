export const appConfig = {
  commentMaxLength: 500,
  supportEmail: "help@tickets.example.test",
  allowAttachments: true,
  priorities: ["low", "normal", "urgent"],
} as const;
