import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { RubricsScreen } from "@/components/rubrics/rubrics-screen";

export const metadata: Metadata = { title: "Rubrics" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/rubrics");
  return <RubricsScreen />;
}
