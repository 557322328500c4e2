"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useCan, useProject } from "@/components/projects/project-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { IconPlus } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useShortcut } from "@/components/ui/shortcuts";
import type { QueueView } from "@/lib/labeling/schemas";
import { ExportLabelsMenu } from "./export-menu";
import { LabelingTabs } from "./labeling-tabs";
import { useQueues } from "./queries";
import { QueueDialog } from "./queue-dialog";

export function QueuesScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const queues = useQueues(project.id);
  const [creating, setCreating] = useState(false);
  useShortcut("c", "New queue", () => setCreating(true), { enabled: canEdit });
  const base = `/projects/${project.id}/labeling`;

  const columns = useMemo<ColumnDef<QueueView>[]>(
    () => [
      {
        id: "name",
        header: "Queue",
        accessorKey: "name",
        meta: { alwaysVisible: true },
        cell: ({ row: { original: q } }) => (
          <div className="flex min-w-0 flex-col">
            <Link
              href={`${base}/${q.id}`}
              className="truncate font-medium text-fg hover:underline"
              data-testid="queue-link"
            >
              {q.name}
            </Link>
            {q.description ? <span className="truncate text-xs text-fg-muted">{q.description}</span> : null}
          </div>
        ),
      },
      {
        id: "itemCount",
        header: "Items",
        accessorKey: "itemCount",
        meta: { className: "w-16 text-right tabular-nums", headerClassName: "w-16" },
        cell: ({ row }) => formatNumber(row.original.itemCount),
      },
      {
        id: "assignees",
        header: "Assignees",
        enableSorting: false,
        meta: { className: "w-40" },
        cell: ({ row: { original: q } }) =>
          q.assignees.length ? (
            <span className="line-clamp-2 text-xs text-fg-muted" title={q.assignees.map((a) => a.email).join(", ")}>
              {q.assignees.map((a) => a.name || a.email).join(", ")}
            </span>
          ) : (
            <span className="text-xs text-fg-subtle">nobody yet</span>
          ),
      },
      {
        id: "progress",
        header: "Done by any assignee",
        accessorFn: (q) => (q.itemCount ? q.doneByAny / q.itemCount : 0),
        meta: { className: "w-44" },
        cell: ({ row: { original: q } }) => (
          <ProgressBar done={q.doneByAny} total={q.itemCount} unit="items" compact active={false} />
        ),
      },
      {
        id: "mine",
        header: "You",
        accessorFn: (q) => q.mine.done,
        meta: { className: "w-44" },
        cell: ({ row: { original: q } }) =>
          q.mine.assigned ? (
            <span className="flex items-center gap-2">
              <span className="text-xs tabular-nums text-fg-muted" data-testid="queue-mine">
                {formatNumber(q.mine.done)} / {formatNumber(q.itemCount)} done
              </span>
              {q.mine.done < q.itemCount ? (
                <ButtonLink href={`${base}/${q.id}/work`} size="sm" variant="secondary" data-testid="queue-start">
                  Label
                </ButtonLink>
              ) : null}
            </span>
          ) : (
            <span className="text-xs text-fg-subtle">not assigned</span>
          ),
      },
    ],
    [base],
  );

  const items = queues.data?.items;
  return (
    <>
      <LabelingTabs
        projectId={project.id}
        actions={
          <>
            <ExportLabelsMenu projectId={project.id} />
            {canEdit ? (
              <Button
                variant="primary"
                icon={<IconPlus className="size-3.5" />}
                onClick={() => setCreating(true)}
                data-testid="new-queue"
              >
                New queue
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorText message={queues.error?.message} className="mb-3 text-sm text-danger" />
      {items && items.length === 0 ? (
        <EmptyState
          title="No annotation queues yet"
          ways={[
            {
              label: "Studio",
              detail: canEdit
                ? "New queue here, or select trajectories in the Trajectories list and choose Add to queue. A queue needs a label schema first (Label schemas tab)."
                : "Editors create queues and assign labelers; ask one of the project's editors.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/queues {"name":"Round 1","labelSchemaIds":[...],"trajectoryIds":[...],"assigneeIds":[...]}`,
            },
          ]}
          actions={
            canEdit ? (
              <Button variant="primary" onClick={() => setCreating(true)}>
                New queue
              </Button>
            ) : null
          }
        />
      ) : (
        <DataTable
          label="Annotation queues"
          testId="queues-table"
          storageKey="queues"
          data={items}
          loading={queues.isPending}
          columns={columns}
          getRowId={(q) => q.id}
          rowHref={(q) => `${base}/${q.id}`}
        />
      )}
      <QueueDialog projectId={project.id} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
