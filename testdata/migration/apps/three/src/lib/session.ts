export interface Session {
  userId: string;
  token: string;
  expiresAt: number;
}

const STORAGE_KEY = "mig.three.session";

export function readSession(storage: Storage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Session;
    return parsed.expiresAt > Date.now() ? parsed : null;
  } catch (error) {
    console.warn("unreadable session", error);
    storage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function writeSession(storage: Storage, session: Session): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
