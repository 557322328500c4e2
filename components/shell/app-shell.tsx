"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useProjectEvents } from "@/components/jobs/use-project-events";
import { ProjectProvider } from "@/components/projects/project-context";
import { IconFolder, IconKeyboard } from "@/components/ui/icons";
import { useOpenShortcutsHelp } from "@/components/ui/shortcuts";
import type { Role } from "@/lib/access/roles";
import { Breadcrumbs } from "./breadcrumbs";
import { ProjectSwitcher } from "./project-switcher";
import { SidebarHint, SidebarNav } from "./sidebar-nav";
import { ThemeToggle } from "./theme";
import { UserMenu } from "./user-menu";

type ShellProject = { id: string; name: string; role: Role };

function LiveEvents({ projectId }: { projectId: string }) {
  useProjectEvents(projectId);
  return null;
}

/** Sidebar (project switcher, areas, user), top bar (breadcrumbs, shortcuts, theme) and the page. */
export function AppShell({
  user,
  project,
  projectName,
  children,
}: {
  user: { name: string; email: string };
  project?: ShellProject;
  /** for pages about a project the user cannot open: its name in the breadcrumbs */
  projectName?: string;
  children: ReactNode;
}) {
  const openHelp = useOpenShortcutsHelp();
  const shell = (
    <div className="flex h-screen overflow-hidden bg-canvas">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-raised focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="flex w-56 shrink-0 flex-col border-r border-line bg-panel" aria-label="Sidebar">
        <div className="border-b border-line p-2">
          <ProjectSwitcher current={project} />
        </div>
        <div className="flex-1 overflow-y-auto py-2">
          {project ? (
            <SidebarNav projectId={project.id} role={project.role} />
          ) : (
            <nav aria-label="Studio" className="px-2">
              <Link
                href="/projects"
                className="flex h-8 items-center gap-2.5 rounded-md px-2 text-sm text-fg-muted hover:bg-hover hover:text-fg"
              >
                <IconFolder className="text-fg-subtle" /> All projects
              </Link>
            </nav>
          )}
        </div>
        <div className="pb-1">
          <SidebarHint />
        </div>
        <div className="border-t border-line p-2">
          <UserMenu user={user} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-11 shrink-0 items-center gap-3 border-b border-line px-5">
          <Breadcrumbs projectName={project?.name ?? projectName} />
          <div className="ml-auto flex items-center gap-1">
            {project ? (
              <span className="mr-2 text-xs text-fg-subtle" data-testid="current-role">
                You are <span className="font-medium text-fg-muted">{project.role}</span>
              </span>
            ) : null}
            <button
              type="button"
              onClick={openHelp}
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              className="inline-flex size-7 items-center justify-center rounded-md text-fg-muted hover:bg-hover hover:text-fg"
            >
              <IconKeyboard />
            </button>
            <ThemeToggle />
          </div>
        </header>
        <main id="main" className="flex-1 overflow-y-auto" tabIndex={-1}>
          <div className="mx-auto w-full max-w-[1400px] px-6 pt-5 pb-10">{children}</div>
        </main>
      </div>
    </div>
  );
  if (!project) return shell;
  return (
    <ProjectProvider project={project}>
      <LiveEvents projectId={project.id} />
      {shell}
    </ProjectProvider>
  );
}
