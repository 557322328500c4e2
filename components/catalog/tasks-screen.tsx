"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { z } from "zod";
import { useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, formatSort, parseSort } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RelativeTime } from "@/components/ui/relative-time";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { taskRow } from "@/lib/tasks/schemas";
import { PickerCard } from "./picker-card";
import { PAGE_SIZE, useTask, useTaskSets, useTasks } from "./queries";

type Task = z.infer<typeof taskRow>;

export function TasksScreen() {
  const project = useProject();
  const url = useUrlQuery();
  const sets = useTaskSets(project.id);
  const query = {
    taskSetId: url.get("set"),
    q: url.get("q"),
    sort: url.get("sort") || "externalId",
    offset: url.getInt("offset", 0),
  };
  const tasks = useTasks(project.id, query);
  const [open, setOpen] = useState<Task | null>(null);
  const setItems = sets.data?.items ?? [];
  const total = setItems.reduce((n, s) => n + s.tasks, 0);

  const columns = useMemo<ColumnDef<Task>[]>(
    () => [
      {
        id: "externalId",
        header: "Task id",
        accessorKey: "externalId",
        meta: { alwaysVisible: true, className: "w-28", label: "Task id" },
        cell: ({ row }) => <span className="font-mono text-xs font-medium text-fg">{row.original.externalId}</span>,
      },
      {
        id: "taskSet",
        header: "Task set",
        accessorKey: "taskSetName",
        enableSorting: false,
        meta: { className: "w-44" },
        cell: ({ row }) => <span className="truncate text-fg-muted">{row.original.taskSetName}</span>,
      },
      {
        id: "prompt",
        header: "Prompt",
        accessorKey: "prompt",
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-2 text-fg">{row.original.prompt}</span>,
      },
      {
        id: "createdAt",
        header: "Added",
        accessorKey: "createdAt",
        meta: { className: "w-28 whitespace-nowrap text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
    ],
    [],
  );

  const filtered = Boolean(query.q || query.taskSetId);
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Prompts for the agent, grouped in task sets, each with its reference material (expected answer, claims, gold actions) and, later, its rubric."
      />
      <ErrorText message={sets.error?.message} className="mb-3 text-sm text-danger" />
      {sets.isPending ? (
        <div className="mb-5 grid grid-cols-1 gap-3 md:grid-cols-3">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      ) : setItems.length === 0 ? (
        <EmptyState
          title="No task sets yet"
          ways={[
            {
              label: "First start",
              detail: "A new studio imports MCP-Atlas sample tasks and tau2-bench airline tasks into its demo project.",
            },
            {
              label: "CLI",
              code: "npx atlas tasks import --format mcp-atlas FILE",
              detail: "Planned; today's CLI has no tasks command.",
            },
            { label: "API", code: "POST /api/v1/projects/{projectId}/task-sets", detail: "Planned, for editors." },
          ]}
        />
      ) : (
        <fieldset className="mb-5 grid min-w-0 grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3" aria-label="Task sets">
          <PickerCard
            selected={!query.taskSetId}
            onSelect={() => url.set({ set: null, offset: null })}
            title="All task sets"
            meta={<span className="text-xs tabular-nums text-fg-muted">{formatNumber(total)}</span>}
            description={`${setItems.length} task sets in this project`}
          />
          {setItems.map((s) => (
            <PickerCard
              key={s.id}
              testId="task-set-card"
              selected={s.id === query.taskSetId}
              onSelect={() => url.set({ set: s.id, offset: null })}
              title={s.name}
              meta={
                <span className="flex items-center gap-1.5">
                  {s.source ? <Badge>{s.source}</Badge> : null}
                  <span className="text-xs tabular-nums text-fg-muted">{formatNumber(s.tasks)}</span>
                </span>
              }
              description={s.description}
            />
          ))}
        </fieldset>
      )}

      {setItems.length > 0 ? (
        <DataTable
          label="Tasks"
          testId="tasks-table"
          storageKey="tasks"
          data={tasks.data?.items}
          loading={tasks.isPending}
          columns={columns}
          getRowId={(t) => t.id}
          onOpen={setOpen}
          sort={parseSort(query.sort)}
          onSortChange={(s) => url.set({ sort: formatSort(s), offset: null })}
          toolbar={
            <>
              <SearchInput
                label="Search tasks by id or prompt"
                placeholder="Search id or prompt…"
                value={query.q}
                onCommit={(q) => url.set({ q, offset: null })}
                className="w-72"
                testId="tasks-search"
              />
              <Select
                aria-label="Filter by task set"
                value={query.taskSetId}
                onChange={(e) => url.set({ set: e.target.value, offset: null })}
                className="max-w-64"
              >
                <option value="">All task sets</option>
                {setItems.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
              {filtered ? (
                <Button variant="ghost" size="sm" onClick={() => url.set({ q: null, set: null, offset: null })}>
                  Clear filters
                </Button>
              ) : null}
              {tasks.isError ? <span className="text-xs text-danger">{tasks.error.message}</span> : null}
            </>
          }
          empty={filtered ? "No tasks match. Try a shorter search or all task sets." : "No tasks in this project yet."}
          footer={
            tasks.data ? (
              <Pagination
                offset={query.offset}
                limit={PAGE_SIZE}
                total={tasks.data.total}
                noun="tasks"
                onOffset={(o) => url.set({ offset: o || null })}
              />
            ) : null
          }
        />
      ) : null}

      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        size="lg"
        title={open ? `Task ${open.externalId}` : ""}
        description={open?.taskSetName}
      >
        {open ? <TaskBody projectId={project.id} row={open} /> : null}
      </Dialog>
    </>
  );
}

/** The whole task: the list holds only the first 300 characters of each prompt. */
function TaskBody({ projectId, row }: { projectId: string; row: { id: string; prompt: string } }) {
  const task = useTask(projectId, row.id);
  return (
    <div className="flex flex-col gap-3">
      <pre className="max-h-[40vh] overflow-auto rounded-md border border-line bg-panel p-3 text-xs whitespace-pre-wrap text-fg">
        {task.data?.prompt ?? row.prompt}
      </pre>
      <ErrorText message={task.error?.message} className="text-xs text-danger" />
      {task.data ? (
        <details>
          <summary className="cursor-pointer text-xs font-medium text-fg-muted">
            Reference (answer, claims, gold actions)
          </summary>
          <pre className="mt-2 max-h-[30vh] overflow-auto rounded-md border border-line bg-panel p-3 text-xs text-fg">
            {JSON.stringify(task.data.reference, null, 2)}
          </pre>
        </details>
      ) : null}
      <div className="flex items-center gap-2 text-xs text-fg-muted">
        <span>Task id</span>
        <code className="font-mono">{row.id}</code>
        <CopyButton value={row.id} size="xs" />
      </div>
    </div>
  );
}
