import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { QueueItemRow } from "../schemas";
import { loadQueue } from "./load-queue";

type Row = {
  id: string;
  position: number;
  trajectory_id: string;
  client_id: string | null;
  summary: string;
  outcome: string | null;
  reward: number | null;
  step_count: number;
  done_by: string[];
  label_count: number;
};

const toRow = (r: Row): QueueItemRow => ({
  id: r.id,
  position: r.position,
  trajectoryId: r.trajectory_id,
  clientId: r.client_id,
  summary: r.summary,
  outcome: r.outcome,
  reward: r.reward,
  stepCount: r.step_count,
  doneBy: r.done_by ?? [],
  labelCount: r.label_count,
});

/** Items in queue order with who marked each done and how many labels it has. */
export async function selectQueueItems(db: DbOrTx, queueId: string, itemId?: string) {
  const rows = await db.execute<Row>(sql`
    select i.id, i.position, i.trajectory_id, t.client_id, t.summary, t.outcome, t.reward, t.step_count,
      coalesce((select array_agg(d.user_id order by d.created_at) from annotation_item_done d where d.item_id = i.id), '{}') as done_by,
      (select count(*)::int from labels l
        where l.trajectory_id = i.trajectory_id and l.label_schema_id = any(q.label_schema_ids)) as label_count
    from annotation_queue_items i
    join annotation_queues q on q.id = i.queue_id
    join trajectories t on t.id = i.trajectory_id
    where i.queue_id = ${queueId}::uuid ${itemId ? sql`and i.id = ${itemId}::uuid` : sql``}
    order by i.position`);
  return rows.map(toRow);
}

export async function listQueueItems({ db, projectId, queueId }: { db: DbOrTx; projectId: string; queueId: string }) {
  const q = await loadQueue(db, projectId, queueId);
  return selectQueueItems(db, q.id);
}
