import { createContext, useContext, type ReactNode } from "react";
import type { Session } from "./session";

const SessionContext = createContext<Session | null>(null);

export function AuthProvider({ session, children }: { session: Session | null; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Not re-exported by the package's index: apps cannot import it from "@mig/auth". */
export function useAuthGuard(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("signed out");
  return session;
}
