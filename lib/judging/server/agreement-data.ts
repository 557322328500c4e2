// What the agreement report compares: label schemas tied to a rubric criterion, their
// trajectory-level labels, and the judgments of the same criterion on the same trajectory content.
import { and, desc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  judges,
  judgingRuns,
  judgments,
  labelSchemas,
  labels,
  rubrics,
  rubricVersions,
  trajectories,
  user,
} from "@/db/schema";

export type TiedSchema = {
  id: string;
  name: string;
  kind: string;
  min: number | null;
  max: number | null;
  rubricId: string;
  rubricName: string;
  criterionId: string;
};

export type VersionCriterion = { version: number; title: string; scaleKind: string };

export type LabelRow = {
  schemaId: string;
  trajectoryId: string;
  value: unknown;
  author: string | null;
  contentHash: string;
  summary: string;
  taskRef: string | null;
};

export type JudgmentRow = {
  rubricId: string;
  criterionId: string;
  judgeKey: string;
  contentHash: string;
  value: number | null;
  error: string | null;
  rationale: string | null;
  evidence: number[];
  version: number;
};

export type JudgeName = { name: string; judgeId: string | null };

export async function loadTiedSchemas(db: DbOrTx, projectId: string, f: { rubricId?: string; labelSchemaId?: string }) {
  const where: SQL[] = [
    eq(labelSchemas.projectId, projectId),
    eq(labelSchemas.archived, false),
    ne(labelSchemas.kind, "text"),
    isNotNull(labelSchemas.criterionId),
  ];
  if (f.rubricId) where.push(eq(labelSchemas.rubricId, f.rubricId));
  if (f.labelSchemaId) where.push(eq(labelSchemas.id, f.labelSchemaId));
  const rows = await db
    .select({
      id: labelSchemas.id,
      name: labelSchemas.name,
      kind: labelSchemas.kind,
      options: labelSchemas.options,
      rubricId: rubrics.id,
      rubricName: rubrics.name,
      criterionId: labelSchemas.criterionId,
    })
    .from(labelSchemas)
    .innerJoin(rubrics, eq(rubrics.id, labelSchemas.rubricId))
    .where(and(...where))
    .orderBy(rubrics.name, labelSchemas.name);
  return rows.map((r): TiedSchema => {
    const o = (r.options ?? {}) as { min?: number; max?: number };
    return { ...r, criterionId: r.criterionId as string, min: o.min ?? null, max: o.max ?? null };
  });
}

/** Per rubric: its versions (newest first) with the title and scale of each criterion. */
export async function loadCriteria(db: DbOrTx, rubricIds: string[]) {
  const out = new Map<string, Map<string, VersionCriterion>>();
  if (!rubricIds.length) return out;
  const rows = await db
    .select({ rubricId: rubricVersions.rubricId, version: rubricVersions.version, criteria: rubricVersions.criteria })
    .from(rubricVersions)
    .where(inArray(rubricVersions.rubricId, rubricIds))
    .orderBy(desc(rubricVersions.version));
  for (const r of rows) {
    const m = out.get(r.rubricId) ?? new Map<string, VersionCriterion>();
    out.set(r.rubricId, m);
    for (const c of (r.criteria ?? []) as { id: string; title: string; scale?: { kind: string } }[])
      if (!m.has(c.id)) m.set(c.id, { version: r.version, title: c.title, scaleKind: c.scale?.kind ?? "binary" });
  }
  return out;
}

export async function loadLabels(db: DbOrTx, schemaIds: string[]): Promise<LabelRow[]> {
  if (!schemaIds.length) return [];
  const rows = await db
    .select({
      schemaId: labels.labelSchemaId,
      trajectoryId: labels.trajectoryId,
      value: labels.value,
      authorName: user.name,
      authorEmail: user.email,
      contentHash: trajectories.contentHash,
      summary: trajectories.summary,
      taskRef: trajectories.taskRef,
    })
    .from(labels)
    .innerJoin(trajectories, eq(trajectories.id, labels.trajectoryId))
    .leftJoin(user, eq(user.id, labels.authorId))
    .where(and(inArray(labels.labelSchemaId, schemaIds), isNull(labels.stepIndex)))
    .orderBy(labels.createdAt, labels.id);
  return rows.map((r) => ({
    ...r,
    schemaId: r.schemaId as string,
    author: r.authorName || r.authorEmail || null,
  }));
}

/**
 * Judgments of the tied criteria on the labeled contents, newest first, from any version of
 * the rubric: the report keeps the newest per (criterion, judge, content).
 */
export async function loadJudgments(
  db: DbOrTx,
  projectId: string,
  rubricIds: string[],
  criterionIds: string[],
  contentHashes: string[],
): Promise<JudgmentRow[]> {
  if (!rubricIds.length || !contentHashes.length) return [];
  return db
    .select({
      rubricId: rubricVersions.rubricId,
      criterionId: judgments.criterionId,
      judgeKey: judgments.judgeKey,
      contentHash: judgments.contentHash,
      value: judgments.value,
      error: judgments.error,
      rationale: judgments.rationale,
      evidence: judgments.evidence,
      version: rubricVersions.version,
    })
    .from(judgments)
    .innerJoin(rubricVersions, eq(rubricVersions.id, judgments.rubricVersionId))
    .where(
      and(
        eq(judgments.projectId, projectId),
        inArray(rubricVersions.rubricId, rubricIds),
        inArray(judgments.criterionId, criterionIds),
        sql`${judgments.contentHash} = any(${sql.param(contentHashes)}::text[])`,
      ),
    )
    .orderBy(desc(judgments.createdAt), desc(rubricVersions.version));
}

/** A name for each judge key: the judge as the latest run saw it; program checks by name. */
export async function loadJudgeNames(db: DbOrTx, projectId: string, keys: string[]) {
  const out = new Map<string, JudgeName>();
  const wanted = keys.filter((k) => k !== "program");
  if (keys.includes("program")) out.set("program", { name: "Program checks", judgeId: null });
  if (!wanted.length) return out;
  const rows = await db
    .select({
      key: judgingRuns.judgeKey,
      snapshot: judgingRuns.judgeSnapshot,
      judgeId: judgingRuns.judgeId,
      current: judges.name,
    })
    .from(judgingRuns)
    .leftJoin(judges, eq(judges.id, judgingRuns.judgeId))
    .where(and(eq(judgingRuns.projectId, projectId), inArray(judgingRuns.judgeKey, wanted)))
    .orderBy(desc(judgingRuns.createdAt));
  for (const r of rows) {
    if (out.has(r.key)) continue;
    const snap = (r.snapshot ?? {}) as { name?: string };
    out.set(r.key, { name: r.current ?? snap.name ?? `judge ${r.key.slice(0, 8)}`, judgeId: r.judgeId });
  }
  for (const k of wanted) if (!out.has(k)) out.set(k, { name: `judge ${k.slice(0, 8)}`, judgeId: null });
  return out;
}
