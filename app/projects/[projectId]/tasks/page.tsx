import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_server/access";
import { TasksScreen } from "@/components/catalog/tasks-screen";

export const metadata: Metadata = { title: "Tasks" };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  await requireProjectPage(projectId, "/tasks");
  return <TasksScreen />;
}
