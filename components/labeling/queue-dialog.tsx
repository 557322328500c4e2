"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { Checkbox, Field, Input, Textarea } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { roleAtLeast } from "@/lib/access/roles";
import { type QueueDetail, queueDetail } from "@/lib/labeling/schemas";
import { describeOptions } from "./format-value";
import { labelingKeys, useLabelSchemas, useMembers } from "./queries";

const errorFor = (e: unknown, field: string) =>
  e instanceof ApiError && e.field && (e.field === field || e.field.startsWith(`${field}.`)) ? e.message : null;
const FIELDS = ["name", "description", "labelSchemaIds", "assigneeIds", "trajectoryIds"];

/** Create a queue (optionally with trajectories), or edit a queue's name, description and schemas. */
export function QueueDialog({
  projectId,
  open,
  onClose,
  queue,
  trajectoryIds = [],
  onSaved,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  queue?: QueueDetail;
  trajectoryIds?: string[];
  onSaved?: (q: QueueDetail) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={queue ? `Edit ${queue.name}` : "New annotation queue"}
      description={
        queue
          ? undefined
          : trajectoryIds.length
            ? `With the ${formatNumber(trajectoryIds.length)} selected trajectories, in their order.`
            : "Trajectories are added from the Trajectories list (select, then Add to queue) or by API."
      }
      testId="queue-dialog"
    >
      {open ? (
        <QueueForm
          projectId={projectId}
          queue={queue}
          trajectoryIds={trajectoryIds}
          onSaved={onSaved}
          onDone={onClose}
        />
      ) : null}
    </Dialog>
  );
}

export function QueueForm({
  projectId,
  queue,
  trajectoryIds,
  onSaved,
  onDone,
}: {
  projectId: string;
  queue?: QueueDetail;
  trajectoryIds: string[];
  onSaved?: (q: QueueDetail) => void;
  onDone: () => void;
}) {
  const schemas = useLabelSchemas(projectId, "include");
  const members = useMembers(projectId, !queue);
  const [name, setName] = useState(queue?.name ?? "");
  const [description, setDescription] = useState(queue?.description ?? "");
  const [schemaIds, setSchemaIds] = useState<string[]>(queue?.labelSchemaIds ?? []);
  const [assignees, setAssignees] = useState<string[]>([]);
  const qc = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: () =>
      api(
        projectPath(projectId, queue ? `/queues/${queue.id}` : "/queues"),
        {
          method: queue ? "PATCH" : "POST",
          body: queue
            ? { name, description, labelSchemaIds: schemaIds }
            : { name, description, labelSchemaIds: schemaIds, trajectoryIds, assigneeIds: assignees },
        },
        queueDetail,
      ),
    onSuccess: (q) => {
      toast({
        title: queue ? `Saved ${q.name}` : `Created the queue ${q.name}`,
        description: queue ? undefined : `${formatNumber(q.itemCount)} trajectories, ${q.assignees.length} assignees`,
      });
      qc.invalidateQueries({ queryKey: labelingKeys.all(projectId) });
      onSaved?.(q);
      onDone();
    },
  });
  // a queue keeps a schema archived after it was added; new ones come from the active list
  const offered = (schemas.data?.items ?? []).filter((s) => !s.archived || schemaIds.includes(s.id));
  const labelers = (members.data?.items ?? []).filter((m) => roleAtLeast(m.role, "labeler"));
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const otherError = save.error && !FIELDS.some((f) => errorFor(save.error, f)) ? save.error.message : null;

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Field label="Name" error={errorFor(save.error, "name")}>
        {(p) => (
          <Input
            {...p}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Airline failures, round 1"
            autoFocus
            data-testid="queue-name"
          />
        )}
      </Field>
      <Field label="Description" hint="What labelers should look for" error={errorFor(save.error, "description")}>
        {(p) => (
          <Textarea {...p} value={description} onChange={(e) => setDescription(e.target.value)} className="min-h-14" />
        )}
      </Field>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-fg-muted">Label schemas</legend>
        {schemas.isPending ? <Skeleton className="h-16" /> : null}
        {schemas.data && offered.length === 0 ? (
          <p className="text-sm text-fg-muted">
            No label schemas yet.{" "}
            <ButtonLink href={`/projects/${projectId}/labeling/schemas`} size="sm" variant="ghost">
              Create one on the Label schemas tab
            </ButtonLink>
          </p>
        ) : null}
        <div className="grid max-h-48 grid-cols-1 gap-0.5 overflow-y-auto">
          {offered.map((s) => (
            <Checkbox
              key={s.id}
              label={
                <>
                  {s.name}{" "}
                  <span className="text-xs text-fg-subtle">· {s.level === "step" ? "per step" : "per trajectory"}</span>
                </>
              }
              description={describeOptions(s)}
              checked={schemaIds.includes(s.id)}
              onChange={(e) => setSchemaIds(toggle(schemaIds, s.id, e.target.checked))}
              data-testid="queue-schema-option"
            />
          ))}
        </div>
        <ErrorText message={errorFor(save.error, "labelSchemaIds")} className="text-xs text-danger" />
      </fieldset>
      {!queue ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-fg-muted">Assignees</legend>
          {members.isPending ? <Skeleton className="h-10" /> : null}
          {members.data && labelers.length === 0 ? (
            <p className="text-sm text-fg-muted">
              No members with the labeler role or higher: an admin adds them under Settings, Members.
            </p>
          ) : null}
          <div className="grid max-h-40 grid-cols-1 gap-0.5 overflow-y-auto sm:grid-cols-2">
            {labelers.map((m) => (
              <Checkbox
                key={m.userId}
                label={m.name || m.email}
                description={`${m.email} · ${m.role}`}
                checked={assignees.includes(m.userId)}
                onChange={(e) => setAssignees(toggle(assignees, m.userId, e.target.checked))}
                data-testid="queue-assignee-option"
              />
            ))}
          </div>
          <ErrorText message={errorFor(save.error, "assigneeIds")} className="text-xs text-danger" />
        </fieldset>
      ) : null}
      <ErrorText message={errorFor(save.error, "trajectoryIds")} />
      <ErrorText message={otherError} />
      <div className="flex justify-end gap-2 border-t border-line pt-3">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" loading={save.isPending} data-testid="queue-save">
          {queue ? "Save" : "Create queue"}
        </Button>
      </div>
    </form>
  );
}
