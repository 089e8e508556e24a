import { readSession } from "../lib/session";

export default function Page() {
  const session = readSession(window.localStorage);
  return <main>{session ? session.userId : "Signed out"}</main>;
}
