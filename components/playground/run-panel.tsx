"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { JobStatusBadge, progressTone } from "@/components/jobs/job-status";
import { useJob } from "@/components/jobs/queries";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonBlock } from "@/components/ui/skeleton";
import type { JudgingRunView } from "@/lib/judging/schemas";
import { playgroundKeys, runFinished, useJudgingResults, useJudgingRun } from "./queries";
import { RunResults } from "./run-results";

export const judgeText = (r: Pick<JudgingRunView, "judge">) => r.judge?.name ?? "Program checks only";

/** One run: its live progress (the job's events), then the results table. */
export function RunPanel({ projectId, runId }: { projectId: string; runId: string }) {
  const run = useJudgingRun(projectId, runId);
  const r = run.data;
  const running = !!r && !runFinished(r);
  const results = useJudgingResults(projectId, runId, running);
  const qc = useQueryClient();
  const moved = `${r?.status}:${r?.counts.judged}:${r?.counts.cached}:${r?.counts.errors}`;
  // the run moved on (or finished): its results follow
  useEffect(() => {
    if (!moved) return;
    qc.invalidateQueries({ queryKey: playgroundKeys.results(projectId, runId) });
    // the recent runs list shows the same status
    qc.invalidateQueries({ queryKey: playgroundKeys.runs(projectId), exact: true });
  }, [moved, qc, projectId, runId]);

  if (run.error) return <ErrorText message={run.error.message} />;
  if (!r) return <SkeletonBlock lines={4} />;
  return (
    <section className="flex flex-col gap-3" data-testid="run-panel">
      <RunHeading projectId={projectId} r={r} />
      {r.jobId && r.status && (running || r.status === "failed" || r.status === "cancelled") ? (
        <JobProgress projectId={projectId} r={r} jobId={r.jobId} running={running} />
      ) : null}
      <ErrorText message={r.error} />
      <ErrorText message={results.error?.message} />
      {results.data ? <RunResults projectId={projectId} data={results.data} /> : <SkeletonBlock lines={4} />}
    </section>
  );
}

/** Live progress from the job, which the project's event stream keeps current. */
function JobProgress({
  projectId,
  r,
  jobId,
  running,
}: {
  projectId: string;
  r: JudgingRunView;
  jobId: string;
  running: boolean;
}) {
  const job = useJob(projectId, jobId);
  const qc = useQueryClient();
  const tick = `${job.data?.status}:${job.data?.progress?.done}`;
  // the job moved: refresh the run (counts, status) and its results
  useEffect(() => {
    if (!tick) return;
    qc.invalidateQueries({ queryKey: playgroundKeys.run(projectId, r.id) });
  }, [tick, qc, projectId, r.id]);
  const progress = job.data?.progress ?? r.progress;
  const status = job.data?.status ?? r.status ?? "queued";
  return (
    <ProgressBar
      done={progress?.done ?? 0}
      total={progress?.total ?? null}
      rate={progress?.rate}
      etaSeconds={progress?.etaSeconds}
      tone={progressTone(status)}
      active={running}
      unit="trajectories"
      className="max-w-xl"
      testId="run-progress"
    />
  );
}

export function RunHeading({ projectId, r }: { projectId: string; r: JudgingRunView }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <h2 className="font-semibold text-fg" data-testid="run-title">
        <Link className="hover:underline" href={`/projects/${projectId}/rubrics/${r.rubricId}`}>
          {r.rubricName}
        </Link>{" "}
        v{r.rubricVersion} · {judgeText(r)}
      </h2>
      {r.status ? <JobStatusBadge status={r.status} /> : null}
      <span className="text-xs text-fg-muted" data-testid="run-counts">
        {formatNumber(r.trajectoryCount)} trajectories · {formatNumber(r.counts.total)} judgments:{" "}
        {formatNumber(r.counts.cached)} cached, {formatNumber(r.counts.judged)} judged now
        {r.counts.errors ? `, ${formatNumber(r.counts.errors)} failed` : ""}
      </span>
      <span className="text-xs text-fg-subtle">
        <RelativeTime value={r.createdAt} />
      </span>
      {r.jobId ? (
        <Link className="text-xs text-accent hover:underline" href={`/projects/${projectId}/jobs/${r.jobId}`}>
          job
        </Link>
      ) : null}
      <Link
        className="text-xs text-accent hover:underline"
        href={`/projects/${projectId}/rubrics/playground/${r.id}`}
        title="A link to this run alone"
      >
        permalink
      </Link>
    </div>
  );
}
