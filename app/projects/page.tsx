import type { Metadata } from "next";
import { requireUser } from "@/app/_server/access";
import { ProjectsScreen } from "@/components/projects/projects-screen";
import { AppShell } from "@/components/shell/app-shell";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

export default async function ProjectsPage() {
  const user = await requireUser("/projects");
  return (
    <AppShell user={user}>
      <ProjectsScreen />
    </AppShell>
  );
}
