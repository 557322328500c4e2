import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { PlaygroundScreen } from "@/components/playground/playground-screen";

export const metadata: Metadata = { title: "Judging run" };

export default async function Page({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  await requireProjectPage(projectId, `/rubrics/playground/${runId}`);
  return <PlaygroundScreen runIdFromPath={runId} />;
}
