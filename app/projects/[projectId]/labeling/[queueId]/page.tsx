import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { QueueDetailScreen } from "@/components/labeling/queue-detail-screen";

export const metadata: Metadata = { title: "Annotation queue" };

export default async function Page({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  await requireProjectPage(projectId, `/labeling/${queueId}`);
  return <QueueDetailScreen queueId={queueId} />;
}
