import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { TrajectoryViewer } from "@/components/trajectories/viewer/trajectory-viewer";

export const metadata: Metadata = { title: "Trajectory" };

export default async function Page({ params }: { params: Promise<{ projectId: string; trajectoryId: string }> }) {
  const { projectId, trajectoryId } = await params;
  await requireProjectPage(projectId, `/trajectories/${trajectoryId}`);
  return (
    <>
      {/* React puts this in <head>: the browser fetches the episode while it loads the page's code */}
      <link
        rel="preload"
        as="fetch"
        crossOrigin="anonymous"
        href={`/api/v1/projects/${projectId}/trajectories/${trajectoryId}`}
      />
      <TrajectoryViewer trajectoryId={trajectoryId} />
    </>
  );
}
