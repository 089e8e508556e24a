export const messages: Record<string, string> = {
  "interval.month": "Monat",
  "interval.year": "Jahr",
  "auth.signIn": "Anmelden",
  "auth.signOut": "Abmelden",
};
