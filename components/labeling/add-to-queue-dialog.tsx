"use client";
import { useState } from "react";
import { useCan } from "@/components/projects/project-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { MAX_QUEUE_ITEMS } from "@/lib/labeling/schemas";
import { useAddToQueue, useQueues } from "./queries";
import { QueueForm } from "./queue-dialog";

export type AddedToQueue = { queueId: string; queueName: string; added: number; skipped: number; total: number };

/**
 * Puts trajectories into an annotation queue: an existing one (appended in the order given,
 * ones already there skipped) or a new one. For editors; the API refuses others.
 */
export function AddToQueueDialog({
  projectId,
  trajectoryIds,
  open,
  onClose,
  onAdded,
}: {
  projectId: string;
  /** in the order labelers should see them */
  trajectoryIds: string[];
  open: boolean;
  onClose: () => void;
  onAdded?: (r: AddedToQueue) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Add ${formatNumber(trajectoryIds.length)} ${trajectoryIds.length === 1 ? "trajectory" : "trajectories"} to a queue`}
      description="Labelers see them in this order, after what the queue already holds."
      testId="add-to-queue-dialog"
    >
      {open ? <Body projectId={projectId} trajectoryIds={trajectoryIds} onClose={onClose} onAdded={onAdded} /> : null}
    </Dialog>
  );
}

function Body({
  projectId,
  trajectoryIds,
  onClose,
  onAdded,
}: {
  projectId: string;
  trajectoryIds: string[];
  onClose: () => void;
  onAdded?: (r: AddedToQueue) => void;
}) {
  const queues = useQueues(projectId);
  const add = useAddToQueue(projectId);
  const toast = useToast();
  const list = queues.data?.items ?? [];
  const [mode, setMode] = useState<"existing" | "new" | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const effective = mode ?? (queues.data && list.length === 0 ? "new" : "existing");
  if (trajectoryIds.length > MAX_QUEUE_ITEMS)
    return (
      <ErrorText message={`Select at most ${formatNumber(MAX_QUEUE_ITEMS)} trajectories: a queue holds no more.`} />
    );
  const report = (r: AddedToQueue) => {
    toast({
      title: `Added ${formatNumber(r.added)} to ${r.queueName}`,
      description: r.skipped
        ? `${formatNumber(r.skipped)} were in it already; it now holds ${formatNumber(r.total)}.`
        : `It now holds ${formatNumber(r.total)}.`,
    });
    onAdded?.(r);
    onClose();
  };
  return (
    <div className="flex flex-col gap-3">
      <div role="tablist" aria-label="Which queue" className="flex gap-1 rounded-md bg-hover p-0.5 text-sm">
        {(["existing", "new"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={effective === m}
            onClick={() => setMode(m)}
            className={cn(
              "flex-1 rounded px-2 py-1",
              effective === m ? "bg-raised font-medium text-fg shadow-sm" : "text-fg-muted hover:text-fg",
            )}
          >
            {m === "existing" ? "An existing queue" : "A new queue"}
          </button>
        ))}
      </div>
      {effective === "new" ? (
        <QueueForm
          projectId={projectId}
          trajectoryIds={trajectoryIds}
          onDone={onClose}
          onSaved={(q) =>
            report({
              queueId: q.id,
              queueName: q.name,
              added: q.itemCount,
              skipped: trajectoryIds.length - q.itemCount,
              total: q.itemCount,
            })
          }
        />
      ) : (
        <>
          {queues.isPending ? <Skeleton className="h-24" /> : null}
          <ErrorText message={queues.error?.message} />
          {queues.data && list.length === 0 ? (
            <p className="text-sm text-fg-muted">No queues yet: make a new one.</p>
          ) : null}
          <div role="radiogroup" aria-label="Queues" className="flex max-h-72 flex-col gap-1 overflow-y-auto">
            {list.map((q) => (
              <label
                key={q.id}
                className={cn(
                  "flex cursor-pointer items-center gap-2.5 rounded-md border px-3 py-2",
                  chosen === q.id ? "border-accent bg-selected" : "border-line hover:bg-hover",
                )}
              >
                <input
                  type="radio"
                  name="queue"
                  checked={chosen === q.id}
                  onChange={() => setChosen(q.id)}
                  className="accent-[var(--accent)]"
                />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate text-sm font-medium text-fg">{q.name}</span>
                  <span className="text-xs text-fg-muted">
                    {formatNumber(q.itemCount)} items · {q.assignees.length} assignees
                  </span>
                </span>
              </label>
            ))}
          </div>
          <ErrorText message={add.error?.message} />
          <div className="flex items-center justify-end gap-2 border-t border-line pt-3">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              disabled={!chosen}
              loading={add.isPending}
              data-testid="add-to-queue-submit"
              onClick={() => {
                const q = list.find((x) => x.id === chosen);
                if (q)
                  add.mutate(
                    { queueId: q.id, trajectoryIds },
                    { onSuccess: (r) => report({ queueId: q.id, queueName: q.name, ...r }) },
                  );
              }}
            >
              Add to queue
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** A button that opens the dialog, shown to editors only; disabled without a selection. */
export function AddToQueueButton({
  projectId,
  trajectoryIds,
  onAdded,
}: {
  projectId: string;
  trajectoryIds: string[];
  onAdded?: (r: AddedToQueue) => void;
}) {
  const canEdit = useCan("editor");
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <Button size="sm" disabled={!trajectoryIds.length} onClick={() => setOpen(true)} data-testid="add-to-queue">
        Add to queue
      </Button>
      <AddToQueueDialog
        projectId={projectId}
        trajectoryIds={trajectoryIds}
        open={open}
        onClose={() => setOpen(false)}
        onAdded={onAdded}
      />
    </>
  );
}
