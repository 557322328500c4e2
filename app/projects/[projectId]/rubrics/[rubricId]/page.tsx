import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireProjectPage } from "@/app/_server/access";
import { RubricEditorScreen } from "@/components/rubrics/rubric-editor";

export const metadata: Metadata = { title: "Rubric" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// "new" opens an empty editor; saving it creates the rubric and moves to its own address
export default async function Page({ params }: { params: Promise<{ projectId: string; rubricId: string }> }) {
  const { projectId, rubricId } = await params;
  await requireProjectPage(projectId, `/rubrics/${rubricId}`);
  if (rubricId !== "new" && !UUID.test(rubricId)) notFound();
  return <RubricEditorScreen rubricId={rubricId === "new" ? null : rubricId} />;
}
