import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { judges } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { toJudgeView } from "./to-view";

/** The stored row, API key included: for server code that calls the judge, never for responses. */
export async function getJudgeRow({ db, projectId, judgeId }: { db: DbOrTx; projectId: string; judgeId: string }) {
  const [row] = await db
    .select()
    .from(judges)
    .where(and(eq(judges.id, judgeId), eq(judges.projectId, projectId)));
  if (!row) throw notFound("The judge", "judgeId");
  return row;
}

export async function getJudge(args: { db: DbOrTx; projectId: string; judgeId: string }) {
  return toJudgeView(await getJudgeRow(args));
}
