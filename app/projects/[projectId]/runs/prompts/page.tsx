import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { PromptsScreen } from "@/components/strategy-prompts/prompts-screen";

export const metadata: Metadata = { title: "Strategy prompts" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/runs/prompts");
  return <PromptsScreen />;
}
