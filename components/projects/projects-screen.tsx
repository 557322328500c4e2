"use client";
import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { z } from "zod";
import { api } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { IconPlus } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { useShortcut } from "@/components/ui/shortcuts";
import { type ProjectView, projectView } from "@/lib/projects/schemas";
import { CreateProjectDialog } from "./create-project-dialog";

const projectList = z.object({ items: z.array(projectView) });

export function ProjectsScreen() {
  const [creating, setCreating] = useState(false);
  const projects = useQuery({ queryKey: qk.projects, queryFn: () => api("/api/v1/projects", {}, projectList) });
  useShortcut("c", "Create a project", () => setCreating(true));
  const columns = useMemo<ColumnDef<ProjectView>[]>(
    () => [
      {
        id: "name",
        header: "Project",
        accessorKey: "name",
        meta: { alwaysVisible: true, className: "w-[28%]" },
        cell: ({ row }) => (
          <span className="flex items-center gap-2">
            <Link href={`/projects/${row.original.id}`} className="font-medium text-fg hover:underline">
              {row.original.name}
            </Link>
            {row.original.isDemo ? <Badge tone="accent">demo</Badge> : null}
          </span>
        ),
      },
      {
        id: "description",
        header: "Description",
        accessorKey: "description",
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-1 text-fg-muted">{row.original.description || "—"}</span>,
      },
      {
        id: "role",
        header: "Your role",
        accessorKey: "role",
        meta: { className: "w-28" },
        cell: ({ row }) => <Badge>{row.original.role ?? "—"}</Badge>,
      },
      {
        id: "createdAt",
        header: "Created",
        accessorKey: "createdAt",
        meta: { className: "w-32 text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
    ],
    [],
  );
  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project holds its own toolspaces, tasks, rubrics, trajectories, runs, members and API keys."
        actions={
          <Button
            variant="primary"
            icon={<IconPlus className="size-3.5" />}
            onClick={() => setCreating(true)}
            data-testid="new-project"
          >
            New project
          </Button>
        }
      />
      <ErrorText message={projects.error?.message} className="mb-3 text-sm text-danger" />
      <DataTable
        label="Projects"
        testId="projects-table"
        data={projects.data?.items}
        loading={projects.isPending}
        columns={columns}
        getRowId={(p) => p.id}
        columnChooser={false}
        rowHref={(p) => `/projects/${p.id}`}
        empty={
          <EmptyState
            className="mx-auto max-w-2xl text-left"
            title="You are not in any project yet"
            ways={[
              { label: "In the studio", detail: "New project (top right): you become its admin." },
              { label: "API", code: 'POST /api/v1/projects  {"name": "ITL agent"}', detail: "signed in as a user" },
              { label: "Join one", detail: "Ask a project's admin to add your email under Settings → Members." },
            ]}
          />
        }
      />
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
