// The judging cache: one row per (rubric version, judge key, trajectory content, criterion).
// Hits are read in one query; results are upserted, so two runs judging the same content at once
// leave one row. A row with an error is not a hit: the next run judges it again.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Judgment, judgments } from "@/db/schema";

export type CacheKey = { judgeKey: string; contentHash: string; criterionId: string };
export const cacheKey = (k: CacheKey) => `${k.judgeKey}\u0000${k.contentHash}\u0000${k.criterionId}`;

export async function readJudgments(
  db: DbOrTx,
  rubricVersionId: string,
  judgeKeys: string[],
  contentHashes: string[],
): Promise<Map<string, Judgment>> {
  if (!judgeKeys.length || !contentHashes.length) return new Map();
  const rows = await db
    .select()
    .from(judgments)
    .where(
      and(
        eq(judgments.rubricVersionId, rubricVersionId),
        inArray(judgments.judgeKey, judgeKeys),
        inArray(judgments.contentHash, contentHashes),
      ),
    );
  return new Map(rows.map((r) => [cacheKey(r), r]));
}

export type NewJudgment = typeof judgments.$inferInsert;

export async function writeJudgments(db: DbOrTx, rows: NewJudgment[]) {
  if (!rows.length) return;
  await db
    .insert(judgments)
    .values(rows)
    .onConflictDoUpdate({
      target: [judgments.rubricVersionId, judgments.judgeKey, judgments.contentHash, judgments.criterionId],
      set: {
        value: sql`excluded.value`,
        raw: sql`excluded.raw`,
        error: sql`excluded.error`,
        rationale: sql`excluded.rationale`,
        evidence: sql`excluded.evidence`,
        samples: sql`excluded.samples`,
        latencyMs: sql`excluded.latency_ms`,
        promptTokens: sql`excluded.prompt_tokens`,
        completionTokens: sql`excluded.completion_tokens`,
        // the results page tells cached from judged-now by comparing with the run's start
        createdAt: sql`now()`,
      },
    });
}
