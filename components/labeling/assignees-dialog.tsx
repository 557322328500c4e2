"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, projectPath } from "@/components/api/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Checkbox } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { roleAtLeast } from "@/lib/access/roles";
import { type QueueDetail, queueDetail } from "@/lib/labeling/schemas";
import { labelingKeys, useMembers } from "./queries";

/** Who works a queue: members with the labeler role or higher. Done marks stay with a person taken off. */
export function AssigneesDialog({
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
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Assignees"
      description="Members with the labeler role or higher. Someone taken off keeps their done marks if added again."
      testId="assignees-dialog"
    >
      {open ? <AssigneesForm projectId={projectId} queue={queue} onDone={onClose} /> : null}
    </Dialog>
  );
}

function AssigneesForm({ projectId, queue, onDone }: { projectId: string; queue: QueueDetail; onDone: () => void }) {
  const members = useMembers(projectId);
  const [ids, setIds] = useState(queue.assignees.map((a) => a.userId));
  const qc = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: () =>
      api(projectPath(projectId, `/queues/${queue.id}`), { method: "PATCH", body: { assigneeIds: ids } }, queueDetail),
    onSuccess: (q) => {
      qc.setQueryData(labelingKeys.queue(projectId, queue.id), q);
      qc.invalidateQueries({ queryKey: labelingKeys.queues(projectId), exact: true });
      toast({ title: `${q.assignees.length} assignees on ${q.name}` });
      onDone();
    },
  });
  const labelers = (members.data?.items ?? []).filter((m) => roleAtLeast(m.role, "labeler"));
  const viewers = (members.data?.items ?? []).filter((m) => !roleAtLeast(m.role, "labeler"));
  return (
    <div className="flex flex-col gap-3">
      {members.isPending ? <Skeleton className="h-24" /> : null}
      <ErrorText message={members.error?.message} />
      <div className="grid max-h-72 grid-cols-1 gap-0.5 overflow-y-auto sm:grid-cols-2">
        {labelers.map((m) => (
          <Checkbox
            key={m.userId}
            label={m.name || m.email}
            description={`${m.email} · ${m.role}`}
            checked={ids.includes(m.userId)}
            onChange={(e) => setIds(e.target.checked ? [...ids, m.userId] : ids.filter((x) => x !== m.userId))}
            data-testid="assignee-option"
          />
        ))}
      </div>
      {viewers.length ? (
        <p className="text-xs text-fg-subtle">
          {viewers.length} viewer{viewers.length > 1 ? "s" : ""} cannot label: an admin can make them labelers under
          Settings, Members.
        </p>
      ) : null}
      <ErrorText message={save.error?.message} />
      <div className="flex justify-end gap-2 border-t border-line pt-3">
        <Button onClick={onDone}>Cancel</Button>
        <Button variant="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="assignees-save">
          Save assignees
        </Button>
      </div>
    </div>
  );
}
