import { and, count, eq, max, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { annotationQueueItems } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { MAX_QUEUE_ITEMS, queueItemsInput } from "../schemas";
import { anyOf } from "./any-of";
import { checkQueueTrajectories } from "./check-queue-refs";
import { loadQueue } from "./load-queue";

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
            .where(and(eq(annotationQueueItems.queueId, queueId), anyOf(annotationQueueItems.trajectoryId, ids)))
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
  // one statement for the lot: positions follow the order given, after the queue's last item
  if (fresh.length)
    await db.execute(sql`insert into annotation_queue_items (queue_id, trajectory_id, position)
      select ${queueId}::uuid, x.id, ${(last ?? -1) + 1}::int + x.n::int - 1
      from unnest(${sql.param(fresh)}::uuid[]) with ordinality as x(id, n)`);
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
