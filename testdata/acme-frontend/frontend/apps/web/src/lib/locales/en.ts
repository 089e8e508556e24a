export const messages: Record<string, string> = {
  "interval.month": "month",
  "interval.year": "year",
  "auth.signIn": "Sign in",
  "auth.signOut": "Sign out",
};
