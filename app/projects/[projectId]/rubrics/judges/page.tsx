import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { JudgesScreen } from "@/components/judges/judges-screen";

export const metadata: Metadata = { title: "Judges" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/rubrics/judges");
  return <JudgesScreen />;
}
