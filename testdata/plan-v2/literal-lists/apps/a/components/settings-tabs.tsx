"use client";

import { Root as Tabs, List as TabsList, Trigger as TabsTrigger, Content as TabsContent } from "@radix-ui/react-tabs";
import { useLocalStorage } from "@/hooks/use-local-storage";
import type { ReactNode } from "react";

export function SettingsTabs({ panels }: { panels: Record<string, ReactNode> }) {
  const [tab, setTab] = useLocalStorage("settings.tab", "profile");
  return (
    <Tabs value={tab} onValueChange={setTab} orientation="vertical" className="flex gap-8">
      <TabsList className="flex w-48 flex-col gap-1">
        <TabsTrigger value="profile">Profile</TabsTrigger>
        <TabsTrigger value="account">Account</TabsTrigger>
        <TabsTrigger value="password">Password</TabsTrigger>
        <TabsTrigger value="two-factor">Two-factor login</TabsTrigger>
        <TabsTrigger value="notifications">Notifications</TabsTrigger>
        <TabsTrigger value="appearance">Appearance</TabsTrigger>
        <TabsTrigger value="language">Language and region</TabsTrigger>
        <TabsTrigger value="privacy">Privacy</TabsTrigger>
        <TabsTrigger value="sessions">Active devices</TabsTrigger>
        <TabsTrigger value="connected">Connected apps</TabsTrigger>
        <TabsTrigger value="export">Export data</TabsTrigger>
        <TabsTrigger value="delete">Delete account</TabsTrigger>
      </TabsList>
      {Object.entries(panels).map(([key, panel]) => (
        <TabsContent key={key} value={key} className="flex-1">
          {panel}
        </TabsContent>
      ))}
    </Tabs>
  );
}
