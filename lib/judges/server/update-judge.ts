import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { judges } from "@/db/schema";
import { type JudgeUpdate, judgeUpdate } from "../schemas";
import { getJudgeRow } from "./get-judge";
import { toJudgeView } from "./to-view";

/** Replaces name and configuration; a model judge's API key left out of the update is kept. */
export async function updateJudge({
  db,
  projectId,
  judgeId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  judgeId: string;
  input: JudgeUpdate;
}) {
  const { name, kind, config } = judgeUpdate.parse(input);
  const before = await getJudgeRow({ db, projectId, judgeId });
  const storedKey = before.kind === "model" ? ((before.config as { apiKey?: string | null }).apiKey ?? null) : null;
  const next =
    kind === "model" ? { ...config, apiKey: config.apiKey === undefined ? storedKey : config.apiKey } : config;
  const [row] = await db
    .update(judges)
    .set({ name, kind, config: next })
    .where(and(eq(judges.id, judgeId), eq(judges.projectId, projectId)))
    .returning();
  return toJudgeView(row);
}
