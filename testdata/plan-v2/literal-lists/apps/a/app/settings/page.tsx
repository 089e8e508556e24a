import { SettingsTabs } from "@/components/settings-tabs";

export default function SettingsPage() {
  return (
    <main className="p-10">
      <h1 className="mb-8 text-2xl font-bold">Settings</h1>
      <SettingsTabs
        panels={{
          profile: <p>Your name, photo and bio.</p>,
          password: <p>Change your password.</p>,
          notifications: <p>Choose what we email you about.</p>,
        }}
      />
    </main>
  );
}
