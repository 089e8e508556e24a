"use client";

import { Root as Tabs, List as TabsList, Trigger as TabsTrigger } from "@radix-ui/react-tabs";
import { usePathname, useRouter } from "next/navigation";

const PREFIX = "/workspace/settings/";

export function WorkspaceNav() {
  const router = useRouter();
  const pathname = usePathname();
  const current = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length).split("/")[0] : "general";

  function go(section: string) {
    if (section !== current) {
      router.push(`${PREFIX}${section}`, { scroll: false });
    }
  }

  return (
    <Tabs value={current} onValueChange={go} activationMode="manual">
      <TabsList aria-label="Workspace settings" className="flex gap-4 overflow-x-auto border-b">
        <TabsTrigger value="general">General</TabsTrigger>
        <TabsTrigger value="members">Members</TabsTrigger>
        <TabsTrigger value="groups">Groups</TabsTrigger>
        <TabsTrigger value="billing">Billing and invoices</TabsTrigger>
        <TabsTrigger value="usage">Usage limits</TabsTrigger>
        <TabsTrigger value="integrations">Integrations</TabsTrigger>
        <TabsTrigger value="webhooks">Webhooks</TabsTrigger>
        <TabsTrigger value="api-keys">API keys</TabsTrigger>
        <TabsTrigger value="sso">Single sign-on</TabsTrigger>
        <TabsTrigger value="audit-log">Audit log</TabsTrigger>
        <TabsTrigger value="retention">Data retention</TabsTrigger>
        <TabsTrigger value="domains">Verified domains</TabsTrigger>
        <TabsTrigger value="danger">Danger zone</TabsTrigger>
      </TabsList>
    </Tabs>
  );
}
