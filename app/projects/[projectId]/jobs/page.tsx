import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { JobsScreen } from "@/components/jobs/jobs-screen";

export const metadata: Metadata = { title: "Jobs" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/jobs");
  return <JobsScreen />;
}
