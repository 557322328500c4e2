import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { LabelSchemasScreen } from "@/components/labeling/label-schemas-screen";

export const metadata: Metadata = { title: "Label schemas" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/labeling/schemas");
  return <LabelSchemasScreen />;
}
