import { redirect } from "next/navigation";
import { readAuthSession } from "@/lib/auth/session";
import { SupportChat } from "@/components/support-chat";

export default async function SupportPage() {
  const session = await readAuthSession();
  if (!session) redirect("/sign-in?next=/support");
  return (
    <main className="mx-auto flex h-screen max-w-2xl flex-col p-4">
      <h1 className="text-lg font-semibold">Support</h1>
      <SupportChat me={session.email} />
    </main>
  );
}
