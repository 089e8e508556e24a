"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { apiClient } from "@/lib/api-client";

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "member" | "viewer";
}

interface AuthContextValue {
  account: AuthUser | null;
  pending: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<AuthUser | null>(null);
  const [pending, setPending] = useState(true);

  useEffect(() => {
    let stale = false;
    apiClient
      .get<AuthUser>("/session/current")
      .then((profile) => {
        if (!stale) setAccount(profile);
      })
      .catch(() => {
        if (!stale) setAccount(null);
      })
      .finally(() => {
        if (!stale) setPending(false);
      });
    return () => {
      stale = true;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const profile = await apiClient.post<AuthUser>("/session", { email, password });
    setAccount(profile);
  }, []);

  const signOut = useCallback(async () => {
    await apiClient.post("/session/end");
    setAccount(null);
  }, []);

  const value = useMemo(() => ({ account, pending, signIn, signOut }), [account, pending, signIn, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (ctx === undefined) {
    throw new Error("useAuth must be used within an AuthProvider");
  }
  return ctx;
}
