import { readSession } from "@mig/auth";

export default function Page() {
  const session = readSession(window.localStorage);
  return <main>{session ? session.userId : "Signed out"}</main>;
}
