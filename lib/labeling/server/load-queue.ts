import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { annotationQueues } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** A queue of the project, or 404 naming queueId; `lock` holds it for the transaction. */
export async function loadQueue(db: DbOrTx, projectId: string, queueId: string, lock = false) {
  const q = db
    .select()
    .from(annotationQueues)
    .where(and(eq(annotationQueues.projectId, projectId), eq(annotationQueues.id, queueId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("The queue", "queueId");
  return row;
}
