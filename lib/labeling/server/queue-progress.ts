import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { AssigneeProgress } from "../schemas";

export type QueueProgress = {
  itemCount: number;
  assignees: AssigneeProgress[];
  doneByAny: number;
  doneByAll: number;
  mineDone: number;
};

/**
 * Progress of queues: items, each assignee's done marks, items done by any / every assignee,
 * and the caller's own done marks. Marks of people no longer assigned count for no one but
 * themselves.
 */
export async function queueProgress(
  db: DbOrTx,
  projectId: string,
  queueIds: string[],
  callerId: string | null,
): Promise<Map<string, QueueProgress>> {
  const out = new Map<string, QueueProgress>();
  if (!queueIds.length) return out;
  for (const id of queueIds) out.set(id, { itemCount: 0, assignees: [], doneByAny: 0, doneByAll: 0, mineDone: 0 });

  const counts = await db.execute<{ q: string; items: number; any: number; all: number; mine: number }>(sql`
    with assigned as (
      select queue_id, count(*)::int as n from annotation_queue_assignees where queue_id in ${queueIds} group by 1
    ), per_item as (
      select i.queue_id, i.id,
        count(d.user_id) filter (where a.user_id is not null)::int as by_assignees,
        bool_or(d.user_id = ${callerId}) as mine
      from annotation_queue_items i
      left join annotation_item_done d on d.item_id = i.id
      left join annotation_queue_assignees a on a.queue_id = i.queue_id and a.user_id = d.user_id
      where i.queue_id in ${queueIds}
      group by i.queue_id, i.id
    )
    select p.queue_id as q, count(*)::int as items,
      count(*) filter (where p.by_assignees > 0)::int as any,
      count(*) filter (where coalesce(s.n, 0) > 0 and p.by_assignees = s.n)::int as all,
      count(*) filter (where p.mine)::int as mine
    from per_item p left join assigned s on s.queue_id = p.queue_id
    group by p.queue_id`);
  for (const c of counts) {
    const p = out.get(c.q);
    if (p) Object.assign(p, { itemCount: c.items, doneByAny: c.any, doneByAll: c.all, mineDone: c.mine });
  }

  const people = await db.execute<{
    q: string;
    user_id: string;
    name: string;
    email: string;
    role: string | null;
    done: number;
  }>(sql`
    select a.queue_id as q, a.user_id, u.name, u.email, m.role::text as role,
      (select count(*)::int from annotation_item_done d join annotation_queue_items i on i.id = d.item_id
        where i.queue_id = a.queue_id and d.user_id = a.user_id) as done
    from annotation_queue_assignees a
    join "user" u on u.id = a.user_id
    left join memberships m on m.user_id = a.user_id and m.project_id = ${projectId}::uuid
    where a.queue_id in ${queueIds}
    order by a.created_at, u.email`);
  for (const r of people)
    out.get(r.q)?.assignees.push({ userId: r.user_id, name: r.name, email: r.email, role: r.role, done: r.done });
  return out;
}
