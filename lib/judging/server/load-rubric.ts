// A rubric version and a judge of the project, as a judging run or a reward call names them in
// its body: one that is not the project's is a 400 naming the field.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { type Judge, judges, rubrics, rubricVersions } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { aggregation, criterion } from "@/lib/rubrics/model";
import type { EngineRubric } from "./judge-trajectory";

export type LoadedRubric = EngineRubric & { rubricId: string; rubricName: string; version: number };

export async function loadRubricVersion(db: DbOrTx, projectId: string, rubricVersionId: string): Promise<LoadedRubric> {
  const [row] = await db
    .select({ v: rubricVersions, name: rubrics.name })
    .from(rubricVersions)
    .innerJoin(rubrics, eq(rubrics.id, rubricVersions.rubricId))
    .where(and(eq(rubricVersions.id, rubricVersionId), eq(rubrics.projectId, projectId)));
  if (!row)
    throw invalid(
      "rubricVersionId",
      "rubricVersionId is not a rubric version of this project: take one from GET /api/v1/projects/{projectId}/rubrics/{rubricId}",
    );
  return {
    id: row.v.id,
    rubricId: row.v.rubricId,
    rubricName: row.name,
    version: row.v.version,
    // versions were validated when saved; parsing fills the defaults of fields added since
    criteria: z.array(criterion).parse(row.v.criteria),
    aggregation: aggregation.parse(row.v.aggregation),
  };
}

/** null for no judge, and for a "program" judge row: program checks need none. */
export async function loadJudgeRow(db: DbOrTx, projectId: string, judgeId: string | null | undefined) {
  if (!judgeId) return null;
  const [row] = await db
    .select()
    .from(judges)
    .where(and(eq(judges.id, judgeId), eq(judges.projectId, projectId)));
  if (!row)
    throw invalid(
      "judgeId",
      "judgeId is not a judge of this project: take one from GET /api/v1/projects/{projectId}/judges, or leave it out to run program checks only",
    );
  return row.kind === "program" ? null : row;
}

/** What a run keeps of its judge: no secrets. */
export function judgeSnapshot(row: Judge) {
  const { apiKey: _secret, ...config } = (row.config ?? {}) as Record<string, unknown>;
  return { id: row.id, name: row.name, kind: row.kind, config };
}
