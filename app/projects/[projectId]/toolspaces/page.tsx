import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { ToolspacesScreen } from "@/components/catalog/toolspaces-screen";

export const metadata: Metadata = { title: "Toolspaces" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/toolspaces");
  return <ToolspacesScreen />;
}
