import { WorkspaceNav } from "@/components/workspace-nav";
import { sectionTitle } from "@/lib/sections";

export default function WorkspaceSettingsPage({ params }: { params: { section: string } }) {
  return (
    <div className="mx-auto max-w-5xl">
      <WorkspaceNav />
      <h2 className="mt-6 text-lg">{sectionTitle(params.section)}</h2>
    </div>
  );
}
