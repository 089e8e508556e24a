import { jwtVerify, type JWTPayload } from "jose";
import { cookies } from "next/headers";

export interface AuthSession {
  userId: string;
  email: string;
  roles: string[];
  expiresAt: number;
}

const secret = new TextEncoder().encode(process.env.AUTH_SECRET ?? "");

export async function readAuthSession(): Promise<AuthSession | null> {
  const jwt = cookies().get("auth")?.value;
  if (!jwt) return null;
  try {
    const { payload } = await jwtVerify<JWTPayload & { email?: string; roles?: string[] }>(jwt, secret, {
      issuer: "https://id.example.test",
      audience: "web",
    });
    if (!payload.sub || !payload.exp) return null;
    return {
      userId: payload.sub,
      email: payload.email ?? "",
      roles: Array.isArray(payload.roles) ? payload.roles : [],
      expiresAt: payload.exp * 1000,
    };
  } catch {
    return null;
  }
}
