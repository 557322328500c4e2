import type { Metadata } from "next";
import { RunsEmpty } from "@/components/areas/area-empty";
import { requireProjectPage } from "@/app/_server/access";

export const metadata: Metadata = { title: "Runs" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/runs");
  return <RunsEmpty />;
}
