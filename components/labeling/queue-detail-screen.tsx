"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { api, projectPath } from "@/components/api/client";
import { useMe } from "@/components/api/me";
import { useCan, useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useShortcut } from "@/components/ui/shortcuts";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { QueueDetail, QueueItemRow } from "@/lib/labeling/schemas";
import { AssigneesDialog } from "./assignees-dialog";
import { ExportLabelsMenu } from "./export-menu";
import { describeOptions } from "./format-value";
import { labelingKeys, useQueue, useQueueItems } from "./queries";
import { QueueDialog } from "./queue-dialog";

/** Past this many assignees the items table shows a count instead of a column each. */
const MAX_ASSIGNEE_COLUMNS = 6;

export function QueueDetailScreen({ queueId }: { queueId: string }) {
  const project = useProject();
  const canEdit = useCan("editor");
  const canLabel = useCan("labeler");
  const router = useRouter();
  const queue = useQueue(project.id, queueId);
  const items = useQueueItems(project.id, queueId);
  const [dialog, setDialog] = useState<"edit" | "assignees" | "delete" | null>(null);
  const workHref = `/projects/${project.id}/labeling/${queueId}/work`;
  useShortcut("s", "Start labeling", () => router.push(workHref), {
    enabled: canLabel && Boolean(queue.data?.itemCount),
  });

  if (queue.isError) return <ErrorText message={queue.error.message} />;
  const q = queue.data;
  if (!q)
    return (
      <div className="flex flex-col gap-3">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-32" />
        <Skeleton className="h-64" />
      </div>
    );
  return (
    <>
      <PageHeader
        title={<span data-testid="queue-title">{q.name}</span>}
        description={q.description || undefined}
        meta={<Badge>{formatNumber(q.itemCount)} items</Badge>}
        actions={
          <>
            <ExportLabelsMenu projectId={project.id} queueId={q.id} />
            {canEdit ? (
              <>
                <Button onClick={() => setDialog("edit")}>Edit</Button>
                <Button variant="ghost" onClick={() => setDialog("delete")}>
                  Delete
                </Button>
              </>
            ) : null}
            {canLabel && q.itemCount > 0 ? (
              <ButtonLink href={workHref} variant="primary" data-testid="start-labeling">
                Start labeling
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="mb-5 grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ProgressCard queue={q} canEdit={canEdit} onAssignees={() => setDialog("assignees")} />
        <Card>
          <CardHeader title="Label schemas" description="The fields labelers fill in, in this order" />
          <CardBody className="flex flex-col gap-2">
            {q.schemas.map((s) => (
              <div key={s.id} className="flex min-w-0 flex-col">
                <span className="flex items-center gap-1.5 text-sm font-medium text-fg">
                  {s.name}
                  <Badge>{s.level === "step" ? "per step" : "per trajectory"}</Badge>
                  {s.archived ? <Badge tone="warning">archived</Badge> : null}
                </span>
                <span className="truncate text-xs text-fg-muted">{describeOptions(s)}</span>
              </div>
            ))}
          </CardBody>
        </Card>
      </div>
      <ItemsTable queue={q} items={items.data?.items} loading={items.isPending} error={items.error?.message} />
      <QueueDialog projectId={project.id} open={dialog === "edit"} onClose={() => setDialog(null)} queue={q} />
      <AssigneesDialog projectId={project.id} queue={q} open={dialog === "assignees"} onClose={() => setDialog(null)} />
      <DeleteQueueDialog projectId={project.id} queue={q} open={dialog === "delete"} onClose={() => setDialog(null)} />
    </>
  );
}

function ProgressCard({
  queue: q,
  canEdit,
  onAssignees,
}: {
  queue: QueueDetail;
  canEdit: boolean;
  onAssignees: () => void;
}) {
  return (
    <Card>
      <CardHeader
        title="Progress"
        description={`${formatNumber(q.doneByAll)} of ${formatNumber(q.itemCount)} items done by every assignee`}
        actions={
          canEdit ? (
            <Button size="sm" onClick={onAssignees} data-testid="edit-assignees">
              Edit assignees
            </Button>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-3">
        <div>
          <p className="mb-1 text-xs font-medium text-fg-muted">Done by any assignee</p>
          <ProgressBar done={q.doneByAny} total={q.itemCount} unit="items" active={false} testId="queue-progress" />
        </div>
        {q.assignees.length === 0 ? (
          <p className="text-sm text-fg-muted">
            Nobody is assigned yet.
            {canEdit ? " Edit assignees to hand this queue to labelers." : " An editor assigns labelers."}
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Progress per assignee">
            {q.assignees.map((a) => (
              <li
                key={a.userId}
                className="grid grid-cols-[minmax(0,11rem)_minmax(0,1fr)] items-center gap-3"
                data-testid="assignee-progress"
              >
                <span className="min-w-0 truncate text-sm text-fg" title={a.email}>
                  {a.name || a.email}
                  {a.role && a.role !== "labeler" ? (
                    <span className="ml-1 text-xs text-fg-subtle">{a.role}</span>
                  ) : null}
                </span>
                <ProgressBar
                  done={a.done}
                  total={q.itemCount}
                  unit="done"
                  compact
                  active={false}
                  tone={a.done === q.itemCount && q.itemCount > 0 ? "success" : "accent"}
                />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function ItemsTable({
  queue: q,
  items,
  loading,
  error,
}: {
  queue: QueueDetail;
  items?: QueueItemRow[];
  loading: boolean;
  error?: string;
}) {
  const project = useProject();
  const me = useMe();
  const base = `/projects/${project.id}`;
  const perPerson = q.assignees.length <= MAX_ASSIGNEE_COLUMNS;
  const columns = useMemo<ColumnDef<QueueItemRow>[]>(
    () => [
      {
        id: "position",
        header: "#",
        accessorKey: "position",
        meta: {
          className: "w-14 text-right font-mono text-xs text-fg-subtle tabular-nums",
          headerClassName: "w-14",
          alwaysVisible: true,
        },
        cell: ({ row }) => row.index + 1,
      },
      {
        id: "trajectory",
        header: "Trajectory",
        accessorFn: (i) => i.clientId ?? i.trajectoryId,
        meta: { alwaysVisible: true },
        cell: ({ row: { original: i } }) => (
          <div className="flex min-w-0 flex-col">
            <Link
              href={`${base}/trajectories/${i.trajectoryId}`}
              className="truncate font-mono text-xs text-fg hover:underline"
            >
              {i.clientId ?? i.trajectoryId}
            </Link>
            {i.summary ? <span className="truncate text-xs text-fg-muted">{i.summary}</span> : null}
          </div>
        ),
      },
      {
        id: "outcome",
        header: "Outcome",
        accessorKey: "outcome",
        meta: { className: "w-24" },
        cell: ({ row: { original: i } }) =>
          i.outcome ? (
            <Badge tone={i.outcome === "pass" ? "success" : i.outcome === "partial" ? "warning" : "danger"}>
              {i.outcome}
            </Badge>
          ) : null,
      },
      {
        id: "stepCount",
        header: "Steps",
        accessorKey: "stepCount",
        meta: { className: "w-16 text-right tabular-nums", headerClassName: "w-16" },
      },
      {
        id: "labelCount",
        header: "Labels",
        accessorKey: "labelCount",
        meta: { className: "w-16 text-right tabular-nums", headerClassName: "w-16" },
      },
      ...(perPerson
        ? q.assignees.map(
            (a): ColumnDef<QueueItemRow> => ({
              id: `done-${a.userId}`,
              header: () => (
                <span className="block truncate text-center" title={`Done by ${a.email}`}>
                  {a.userId === me.data?.user.id ? "You" : a.name || a.email.split("@")[0]}
                </span>
              ),
              accessorFn: (i) => i.doneBy.includes(a.userId),
              enableSorting: false,
              meta: { className: "w-24 text-center", headerClassName: "w-24", label: `Done by ${a.email}` },
              cell: ({ row }) =>
                row.original.doneBy.includes(a.userId) ? (
                  <span className="text-success" title={`Done by ${a.email}`} data-testid="done-mark">
                    <span aria-hidden="true">✓</span>
                    <span className="sr-only">Done by {a.email}</span>
                  </span>
                ) : (
                  <span className="text-fg-subtle" title={`Not done by ${a.email}`}>
                    <span aria-hidden="true">·</span>
                    <span className="sr-only">Not done by {a.email}</span>
                  </span>
                ),
            }),
          )
        : [
            {
              id: "doneBy",
              header: "Done by",
              accessorFn: (i: QueueItemRow) => i.doneBy.length,
              meta: { className: "w-24 text-right tabular-nums", headerClassName: "w-24" },
              cell: ({ row }: { row: { original: QueueItemRow } }) =>
                `${row.original.doneBy.length} / ${q.assignees.length}`,
            } satisfies ColumnDef<QueueItemRow>,
          ]),
    ],
    [q.assignees, base, me.data?.user.id, perPerson],
  );
  if (items && items.length === 0)
    return (
      <EmptyState
        title="This queue has no trajectories yet"
        ways={[
          { label: "Studio", detail: "In the Trajectories list, select trajectories and choose Add to queue." },
          {
            label: "API",
            code: `POST /api/v1/projects/${project.id}/queues/${q.id}/items {"trajectoryIds":[...]}`,
            detail: "Appends after the last item, in order; ones already in the queue are skipped.",
          },
        ]}
      />
    );
  return (
    <>
      <ErrorText message={error} />
      <DataTable
        label="Queue items"
        testId="queue-items"
        storageKey="queue-items"
        data={items}
        loading={loading}
        columns={columns}
        getRowId={(i) => i.id}
        rowHref={(i) => `${base}/labeling/${q.id}/work?item=${(items?.indexOf(i) ?? 0) + 1}`}
        columnChooser={false}
      />
    </>
  );
}

function DeleteQueueDialog({
  projectId,
  queue,
  open,
  onClose,
}: {
  projectId: string;
  queue: QueueDetail;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const toast = useToast();
  const del = useMutation({
    mutationFn: () => api(projectPath(projectId, `/queues/${queue.id}`), { method: "DELETE" }),
    onSuccess: () => {
      toast({ title: `Deleted the queue ${queue.name}`, description: "Its labels stay with their trajectories." });
      qc.removeQueries({ queryKey: labelingKeys.queue(projectId, queue.id) });
      qc.invalidateQueries({ queryKey: labelingKeys.queues(projectId), exact: true });
      router.push(`/projects/${projectId}/labeling`);
    },
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="sm"
      title={`Delete ${queue.name}?`}
      description="Its items, assignees and done marks go; the labels people gave stay with their trajectories."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" loading={del.isPending} onClick={() => del.mutate()}>
            Delete queue
          </Button>
        </>
      }
    >
      <ErrorText message={del.error?.message} />
    </Dialog>
  );
}
