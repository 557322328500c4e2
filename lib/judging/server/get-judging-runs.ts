// Judging runs as the playground lists them: the rubric version, the judge, and the job's status
// and progress, read in one statement.
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { jobs, judges, judgingRuns, rubrics, rubricVersions } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { computeProgress } from "@/lib/jobs/schemas";
import type { JudgingRunView } from "../schemas";

const select = {
  r: judgingRuns,
  rubricId: rubrics.id,
  rubricName: rubrics.name,
  version: rubricVersions.version,
  judgeName: judges.name,
  judgeKind: judges.kind,
  job: jobs,
};

function query(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(select)
    .from(judgingRuns)
    .innerJoin(rubricVersions, eq(rubricVersions.id, judgingRuns.rubricVersionId))
    .innerJoin(rubrics, eq(rubrics.id, rubricVersions.rubricId))
    .leftJoin(judges, eq(judges.id, judgingRuns.judgeId))
    .leftJoin(jobs, eq(jobs.id, judgingRuns.jobId))
    .where(where);
}

type Row = Awaited<ReturnType<typeof query>>[number];

function toView(row: Row): JudgingRunView {
  const { r, job } = row;
  const snapshot = r.judgeSnapshot as { name?: string; kind?: string } | null;
  return {
    id: r.id,
    projectId: r.projectId,
    rubricId: row.rubricId,
    rubricName: row.rubricName,
    rubricVersionId: r.rubricVersionId,
    rubricVersion: row.version,
    // a removed judge keeps its name and kind through the run's snapshot
    judge: snapshot
      ? { id: r.judgeId, name: row.judgeName ?? snapshot.name ?? "", kind: row.judgeKind ?? snapshot.kind ?? "" }
      : null,
    judgeKey: r.judgeKey,
    trajectoryCount: r.trajectoryIds.length,
    jobId: r.jobId,
    // a run judged in process (the demo data) has no job: finished is succeeded
    status: job?.status ?? (!r.jobId && r.finishedAt ? "succeeded" : null),
    error: job?.error ?? null,
    counts: { total: r.total, cached: r.cached, judged: r.judged, errors: r.errors },
    progress: job
      ? computeProgress(job.progressDone, job.progressTotal, job.startedAt, job.finishedAt ?? new Date())
      : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export async function listJudgingRuns({
  db,
  projectId,
  rubricId,
  limit,
}: {
  db: DbOrTx;
  projectId: string;
  rubricId?: string;
  limit: number;
}) {
  const rows = await query(
    db,
    and(eq(judgingRuns.projectId, projectId), rubricId ? eq(rubrics.id, rubricId) : undefined),
  )
    .orderBy(desc(judgingRuns.createdAt), desc(judgingRuns.id))
    .limit(limit);
  return { items: rows.map(toView) };
}

export async function getJudgingRun({ db, projectId, runId }: { db: DbOrTx; projectId: string; runId: string }) {
  const [row] = await query(db, and(eq(judgingRuns.projectId, projectId), eq(judgingRuns.id, runId)));
  if (!row) throw notFound("The judging run", "runId");
  return { view: toView(row), run: row.r };
}
