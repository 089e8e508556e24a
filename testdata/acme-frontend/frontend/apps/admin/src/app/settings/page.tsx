import { SettingsForm } from "@/components/settings-form";

export default function SettingsPage() {
  return (
    <main className="max-w-lg p-8">
      <h1 className="mb-6 text-2xl font-semibold">Settings</h1>
      <SettingsForm defaults={{ displayName: "", email: "", timezone: "UTC" }} />
    </main>
  );
}
