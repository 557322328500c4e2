import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { OverviewScreen } from "@/components/projects/overview-screen";

export const metadata: Metadata = { title: "Overview" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId);
  return <OverviewScreen />;
}
