import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { QueuesScreen } from "@/components/labeling/queues-screen";

export const metadata: Metadata = { title: "Labeling" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/labeling");
  return <QueuesScreen />;
}
