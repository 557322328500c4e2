// Trajectories back out in the canonical format (docs/trajectory-format.md), one JSON record
// per line, with the studio's scores and every label. Reads in key-range pages so that a
// project of any size streams in constant memory.
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labelSchemas, labels, scores, trajectories, trajectorySteps, user } from "@/db/schema";
import { TRAJECTORY_FORMAT } from "../format";

const PAGE = 200;
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

export async function* exportTrajectories({
  db,
  projectId,
  runId,
}: {
  db: DbOrTx;
  projectId: string;
  runId?: string;
}): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const page: (typeof trajectories.$inferSelect)[] = await db
      .select()
      .from(trajectories)
      .where(
        and(
          eq(trajectories.projectId, projectId),
          runId ? eq(trajectories.runId, runId) : undefined,
          after ? gt(trajectories.id, after) : undefined,
        ),
      )
      .orderBy(asc(trajectories.id))
      .limit(PAGE);
    if (!page.length) return;
    const ids = page.map((t) => t.id);
    const [steps, scoreRows, labelRows] = await Promise.all([
      db
        .select()
        .from(trajectorySteps)
        .where(inArray(trajectorySteps.trajectoryId, ids))
        .orderBy(asc(trajectorySteps.trajectoryId), asc(trajectorySteps.index)),
      db.select().from(scores).where(inArray(scores.trajectoryId, ids)).orderBy(asc(scores.createdAt)),
      db
        .select({ label: labels, schema: labelSchemas.name, kind: labelSchemas.kind, author: user.email })
        .from(labels)
        .leftJoin(labelSchemas, eq(labelSchemas.id, labels.labelSchemaId))
        .leftJoin(user, eq(user.id, labels.authorId))
        .where(inArray(labels.trajectoryId, ids))
        .orderBy(asc(labels.createdAt)),
    ]);
    const group = <T>(rows: T[], key: (r: T) => string) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
      return m;
    };
    const stepsOf = group(steps, (s) => s.trajectoryId);
    const scoresOf = group(scoreRows, (s) => s.trajectoryId);
    const labelsOf = group(labelRows, (l) => l.label.trajectoryId);
    for (const t of page)
      yield `${JSON.stringify(toRecord(t, stepsOf.get(t.id) ?? [], scoresOf.get(t.id) ?? [], labelsOf.get(t.id) ?? []))}\n`;
    after = page[page.length - 1].id;
  }
}

/** A stored episode back in the canonical format; the judging engine reads episodes through it too. */
export function toRecord(
  t: typeof trajectories.$inferSelect,
  steps: (typeof trajectorySteps.$inferSelect)[],
  scoreRows: (typeof scores.$inferSelect)[] = [],
  labelRows: {
    label: typeof labels.$inferSelect;
    schema: string | null;
    kind: string | null;
    author: string | null;
  }[] = [],
) {
  const { taskSet, ...metadata } = t.metadata as Record<string, unknown>;
  return defined({
    format: TRAJECTORY_FORMAT,
    id: t.clientId,
    task: t.taskRef ? defined({ id: t.taskRef, prompt: t.summary || undefined, taskSet }) : undefined,
    policy: t.policy ? { name: t.policy } : undefined,
    runId: t.runId,
    loadingStrategy: t.loadingStrategy,
    contextLimit: t.contextLimit,
    tokenizer: t.tokenizer,
    tools: t.tools,
    initialTools: t.initialTools,
    steps: steps.map((s) =>
      defined({
        message: s.message,
        toolsLoaded: s.toolsLoaded.length ? s.toolsLoaded : undefined,
        toolsUnloaded: s.toolsUnloaded.length ? s.toolsUnloaded : undefined,
        context: s.context,
        tokens: s.tokens,
        usage: s.usage,
        latencyMs: s.latencyMs,
        error: s.error,
        startedAt: s.startedAt?.toISOString(),
      }),
    ),
    finalAnswer: t.finalAnswer,
    outcome: t.outcome,
    reward: t.reward,
    scores: scoreRows.map((s) =>
      defined({
        criterion: s.criterionId ?? "overall",
        value: s.value,
        rationale: s.rationale,
        judge: s.source,
        error: s.error,
      }),
    ),
    labels: labelRows.map(({ label: l, schema, kind, author }) =>
      defined({
        schema: schema ?? l.key,
        kind,
        value: l.value,
        step: l.stepIndex,
        author,
        createdAt: l.createdAt.toISOString(),
        updatedAt: l.updatedAt.toISOString(),
      }),
    ),
    metadata,
  });
}
