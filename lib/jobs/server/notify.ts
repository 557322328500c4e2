import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export const EVENTS_CHANNEL = "atlas_events";
export type ProjectEvent = { projectId: string; kind: "job"; id: string };

/** NOTIFY is transactional: listeners hear it when the surrounding transaction commits. */
export async function notifyJob(db: DbOrTx, projectId: string, jobId: string) {
  const event: ProjectEvent = { projectId, kind: "job", id: jobId };
  await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}
