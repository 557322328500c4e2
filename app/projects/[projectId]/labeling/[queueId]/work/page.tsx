import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { WorkScreen } from "@/components/labeling/work-screen";

export const metadata: Metadata = { title: "Labeling" };

export default async function Page({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  await requireProjectPage(projectId, `/labeling/${queueId}/work`);
  return <WorkScreen queueId={queueId} />;
}
