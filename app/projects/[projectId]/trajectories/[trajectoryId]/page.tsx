import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { TrajectoryViewer } from "@/components/trajectories/viewer/trajectory-viewer";

export const metadata: Metadata = { title: "Trajectory" };

export default async function Page({ params }: { params: Promise<{ projectId: string; trajectoryId: string }> }) {
  const { projectId, trajectoryId } = await params;
  await requireProjectPage(projectId, `/trajectories/${trajectoryId}`);
  return <TrajectoryViewer trajectoryId={trajectoryId} />;
}
