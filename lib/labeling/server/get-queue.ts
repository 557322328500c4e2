import type { DbOrTx } from "@/db/client";
import type { AnnotationQueue } from "@/db/schema";
import type { QueueDetail, QueueView } from "../schemas";
import { listLabelSchemas } from "./list-label-schemas";
import { loadQueue } from "./load-queue";
import { type QueueProgress, queueProgress } from "./queue-progress";

export function toQueueView(q: AnnotationQueue, p: QueueProgress | undefined, callerId: string | null): QueueView {
  const assignees = p?.assignees ?? [];
  return {
    id: q.id,
    name: q.name,
    description: q.description,
    labelSchemaIds: q.labelSchemaIds,
    itemCount: p?.itemCount ?? 0,
    assignees,
    doneByAny: p?.doneByAny ?? 0,
    doneByAll: p?.doneByAll ?? 0,
    mine: { assigned: assignees.some((a) => a.userId === callerId), done: p?.mineDone ?? 0 },
    createdAt: q.createdAt.toISOString(),
  };
}

/** A queue with its label schemas (archived ones too: the queue keeps them) and progress. */
export async function getQueue({
  db,
  projectId,
  queueId,
  callerId,
}: {
  db: DbOrTx;
  projectId: string;
  queueId: string;
  callerId: string | null;
}): Promise<QueueDetail> {
  const q = await loadQueue(db, projectId, queueId);
  const progress = await queueProgress(db, projectId, [q.id], callerId);
  const schemas = await listLabelSchemas({ db, projectId, archived: "include", ids: q.labelSchemaIds });
  return { ...toQueueView(q, progress.get(q.id), callerId), schemas };
}
