import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { PlaygroundScreen } from "@/components/playground/playground-screen";

export const metadata: Metadata = { title: "Playground" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/rubrics/playground");
  return <PlaygroundScreen />;
}
