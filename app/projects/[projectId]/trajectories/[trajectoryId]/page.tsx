import type { Metadata } from "next";
import { preload } from "react-dom";
import { requireProjectPage } from "@/app/_server/access";
import { TrajectoryViewer } from "@/components/trajectories/viewer/trajectory-viewer";

export const metadata: Metadata = { title: "Trajectory" };

export default async function Page({ params }: { params: Promise<{ projectId: string; trajectoryId: string }> }) {
  const { projectId, trajectoryId } = await params;
  await requireProjectPage(projectId, `/trajectories/${trajectoryId}`);
  // the browser fetches the episode while it loads the page's code, not after
  preload(`/api/v1/projects/${projectId}/trajectories/${trajectoryId}`, { as: "fetch", crossOrigin: "anonymous" });
  return <TrajectoryViewer trajectoryId={trajectoryId} />;
}
