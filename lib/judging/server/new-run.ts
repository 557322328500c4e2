// What a new judging run records, whether its job judges it or this process does (judge-now):
// the version, the judge as it is now, the trajectories and how many judgments it plans.
import type { DbOrTx } from "@/db/client";
import { type Judge, judgingRuns } from "@/db/schema";
import { judgeKeyFor } from "../outcome";
import { PROGRAM_JUDGE_KEY } from "../schemas";
import { judgeSnapshot, type LoadedRubric } from "./load-rubric";
import { openJudge } from "./open-judge";

export async function insertJudgingRun(
  db: DbOrTx,
  {
    projectId,
    rubric,
    judgeRow,
    trajectoryIds,
    userId,
  }: {
    projectId: string;
    rubric: LoadedRubric;
    judgeRow: Judge | null;
    trajectoryIds: string[];
    userId: string | null;
  },
) {
  const judge = openJudge(judgeRow);
  const chosen = judge ? { kind: judge.kind, key: judge.judge.key } : null;
  const judgeable = rubric.criteria.filter((c) => judgeKeyFor(c, chosen) !== null).length;
  const [run] = await db
    .insert(judgingRuns)
    .values({
      projectId,
      rubricVersionId: rubric.id,
      judgeId: judgeRow?.id ?? null,
      judgeKey: chosen?.key ?? PROGRAM_JUDGE_KEY,
      judgeSnapshot: judgeRow ? judgeSnapshot(judgeRow) : null,
      trajectoryIds,
      total: trajectoryIds.length * judgeable,
      createdBy: userId,
    })
    .returning();
  return run;
}
