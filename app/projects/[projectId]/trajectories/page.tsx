import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { TrajectoryListPage } from "@/components/trajectories/list/trajectory-list-page";

export const metadata: Metadata = { title: "Trajectories" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/trajectories");
  return <TrajectoryListPage />;
}
