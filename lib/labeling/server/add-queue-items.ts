import { and, count, eq, inArray, max } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { annotationQueueItems } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { MAX_QUEUE_ITEMS, queueItemsInput } from "../schemas";
import { checkQueueTrajectories } from "./check-queue-refs";
import { loadQueue } from "./load-queue";

const CHUNK = 1_000;

/**
 * Appends trajectories after the queue's last item, in the order given; ones already in the
 * queue are skipped. The caller holds the queue row locked, so positions never collide.
 */
export async function appendItems(db: DbOrTx, projectId: string, queueId: string, trajectoryIds: string[]) {
  const ids = await checkQueueTrajectories(db, projectId, trajectoryIds);
  const existing = ids.length
    ? new Set(
        (
          await db
            .select({ id: annotationQueueItems.trajectoryId })
            .from(annotationQueueItems)
            .where(and(eq(annotationQueueItems.queueId, queueId), inArray(annotationQueueItems.trajectoryId, ids)))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const fresh = ids.filter((id) => !existing.has(id));
  // positions can have gaps (a deleted trajectory takes its item along): count, and append after the last
  const [{ last, total }] = await db
    .select({ last: max(annotationQueueItems.position), total: count() })
    .from(annotationQueueItems)
    .where(eq(annotationQueueItems.queueId, queueId));
  if (total + fresh.length > MAX_QUEUE_ITEMS)
    throw invalid(
      "trajectoryIds",
      `A queue holds at most ${MAX_QUEUE_ITEMS.toLocaleString("en-US")} trajectories; this one has ${total} and would get ${fresh.length} more: make a second queue`,
    );
  const start = (last ?? -1) + 1;
  for (let i = 0; i < fresh.length; i += CHUNK)
    await db
      .insert(annotationQueueItems)
      .values(fresh.slice(i, i + CHUNK).map((trajectoryId, j) => ({ queueId, trajectoryId, position: start + i + j })));
  return { added: fresh.length, skipped: trajectoryIds.length - fresh.length, total: total + fresh.length };
}

export async function addQueueItems({
  db,
  projectId,
  queueId,
  input,
}: {
  db: Db;
  projectId: string;
  queueId: string;
  input: unknown;
}) {
  const { trajectoryIds } = queueItemsInput.parse(input);
  return db.transaction(async (tx) => {
    await loadQueue(tx, projectId, queueId, true);
    return appendItems(tx, projectId, queueId, trajectoryIds);
  });
}
