export default {
  appName: "Ledger",
  theme: {
    mode: "system",
    accent: "indigo",
    density: "comfortable",
  },
  notifications: {
    email: true,
    push: false,
    digest: "weekly",
  },
  invoices: {
    dueInDays: 30,
    reminderDays: [7, 1],
    numberPrefix: "INV-",
  },
};
