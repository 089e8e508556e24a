import { readSession } from "@mig/auth";

export default function Page() {
  const session = readSession(window.localStorage);
  return <main>{session ? `Signed in as ${session.userId}` : "Signed out"}</main>;
}
