import { readSession } from "@mig/auth";

export default function Page() {
  return <main>{readSession() ? "Signed in" : "Signed out"}</main>;
}
