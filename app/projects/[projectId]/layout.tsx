import type { ReactNode } from "react";
import { getProjectAccess } from "@/app/_server/access";
import { ProjectAccessDenied } from "@/components/projects/access-denied";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

/**
 * Members get the project shell. Non-members get a clear 403 page; an unknown id a 404 page.
 * Nobody signed in: the page itself redirects to sign-in with its own path as `next`.
 */
export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const access = await getProjectAccess(projectId);
  if (access.kind === "anonymous") return children;
  if (access.kind === "not-found")
    return (
      <AppShell user={access.user} projectName="Not found">
        <ProjectAccessDenied kind="not-found" />
      </AppShell>
    );
  if (access.kind === "not-member")
    return (
      <AppShell user={access.user} projectName={access.projectName}>
        <ProjectAccessDenied kind="not-member" projectName={access.projectName} />
      </AppShell>
    );
  return (
    <AppShell user={access.user} project={{ ...access.project, role: access.role }}>
      {children}
    </AppShell>
  );
}
