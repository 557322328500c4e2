import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { RunScreen } from "@/components/runs/run-screen";

export const metadata: Metadata = { title: "Run" };

export default async function Page({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  await requireProjectPage(projectId, `/runs/${runId}`);
  return <RunScreen runId={runId} />;
}
