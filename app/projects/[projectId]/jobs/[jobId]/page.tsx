import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { JobDetail } from "@/components/jobs/job-detail";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ projectId: string; jobId: string }> }) {
  const { projectId, jobId } = await params;
  await requireProjectPage(projectId, `/jobs/${jobId}`);
  return <JobDetail jobId={jobId} />;
}
