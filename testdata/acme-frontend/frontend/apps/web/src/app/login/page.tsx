"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useAuth } from "@/contexts/auth-context";
import { useLocalStorage } from "@/hooks/use-local-storage";

export default function LoginPage() {
  const router = useRouter();
  const { signIn } = useAuth();
  const [lastEmail, setLastEmail] = useLocalStorage("web:last-email", "");
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await signIn(email, password);
      setLastEmail(email);
      router.push("/");
    } catch {
      setError("Wrong email or password.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="mx-auto mt-24 max-w-sm space-y-4">
      <Input label="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      <Input label="Password" type="password" value={password} error={error ?? undefined} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
