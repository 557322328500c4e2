import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { judges } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** Scores and cached judgments the judge gave stay (their judge_id becomes null). */
export async function deleteJudge({ db, projectId, judgeId }: { db: DbOrTx; projectId: string; judgeId: string }) {
  const [row] = await db
    .delete(judges)
    .where(and(eq(judges.id, judgeId), eq(judges.projectId, projectId)))
    .returning({ id: judges.id });
  if (!row) throw notFound("The judge", "judgeId");
  return { id: row.id, deleted: true as const };
}
