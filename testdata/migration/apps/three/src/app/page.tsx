import { readSession, clearSession } from "../lib/session";

export default function Page() {
  const session = readSession(window.localStorage);
  if (!session) clearSession(window.localStorage);
  return <main>{session ? session.userId : "Signed out"}</main>;
}
