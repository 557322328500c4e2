import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { RunsScreen } from "@/components/runs/runs-screen";

export const metadata: Metadata = { title: "Runs" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/runs");
  return <RunsScreen />;
}
