import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { TrajectoryDiff } from "@/components/trajectories/diff/trajectory-diff";

export const metadata: Metadata = { title: "Compare trajectories" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/trajectories/diff");
  return <TrajectoryDiff />;
}
