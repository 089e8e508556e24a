import { SettingsForm } from "@/components/settings-form";

export default function DashboardSettingsPage() {
  return (
    <main className="max-w-lg flex-1 p-8">
      <SettingsForm defaults={{ displayName: "", email: "", timezone: "Europe/Berlin" }} />
    </main>
  );
}
