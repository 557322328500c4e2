"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ApiError } from "@/components/api/client";
import { useCan, useProject } from "@/components/projects/project-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonBlock } from "@/components/ui/skeleton";
import type { EpisodeView, RunDetail } from "@/lib/runs/schemas";
import { runActive, useRun, useRunAction } from "./queries";
import { EpisodeStatusBadge, finishedEpisodes, RunStatusBadge, runTone, STRATEGY_SHORT } from "./run-status";
import { RunsTabs } from "./runs-tabs";

export function RunScreen({ runId }: { runId: string }) {
  const project = useProject();
  const router = useRouter();
  const canRun = useCan("editor");
  const run = useRun(project.id, runId);
  const cancel = useRunAction(project.id, runId, "cancel");
  const rerun = useRunAction(project.id, runId, "rerun-failed");
  const resume = useRunAction(project.id, runId, "resume");
  const columns = useEpisodeColumns(project.id);

  if (run.isPending)
    return (
      <div className="flex flex-col gap-4">
        <SkeletonBlock lines={2} className="max-w-md" />
        <SkeletonBlock lines={6} />
      </div>
    );
  if (run.isError || !run.data)
    return (
      <EmptyState
        title={
          run.error instanceof ApiError && run.error.status === 404
            ? "This run is not in this project"
            : "The run could not be loaded"
        }
        actions={<ButtonLink href={`/projects/${project.id}/runs`}>Back to runs</ButtonLink>}
      >
        <p>{run.error?.message}</p>
      </EmptyState>
    );

  const r = run.data;
  const active = runActive(r);
  const stopped = r.status === "cancelled" || r.status === "failed";
  const retryable = r.counts.failed + r.counts.cancelled;
  const actions = canRun ? (
    <>
      {active ? (
        <Button
          variant="secondary"
          loading={cancel.isPending}
          disabled={r.status === "cancelling"}
          onClick={() => cancel.mutate()}
          data-testid="run-cancel"
        >
          Cancel
        </Button>
      ) : null}
      {!active && retryable && !stopped ? (
        <Button variant="secondary" loading={rerun.isPending} onClick={() => rerun.mutate()} data-testid="run-rerun">
          Re-run {formatNumber(retryable)} failed
        </Button>
      ) : null}
      {stopped ? (
        <Button variant="primary" loading={resume.isPending} onClick={() => resume.mutate()} data-testid="run-resume">
          Resume
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <div className="flex flex-col gap-4">
      <RunsTabs
        projectId={project.id}
        title={
          <span className="flex items-center gap-2">
            <span className="truncate" data-testid="run-name">
              {r.name}
            </span>
            <RunStatusBadge status={r.status} />
          </span>
        }
        description={<RunSummary run={r} />}
        actions={actions}
      />
      <Card>
        <CardHeader
          title="Progress"
          description={
            r.status === "cancelling"
              ? "Stopping: episodes in flight are aborted; finished ones are kept."
              : r.status === "queued"
                ? "Waiting for a worker to pick it up."
                : r.status === "cancelled"
                  ? "Cancelled. Resume runs every episode that has not succeeded."
                  : r.status === "failed"
                    ? "The job failed; see its log. Resume runs every episode that has not succeeded."
                    : undefined
          }
        />
        <CardBody className="flex flex-col gap-3">
          <ProgressBar
            testId="run-progress"
            done={finishedEpisodes(r)}
            total={r.episodes}
            unit="episodes"
            tone={runTone(r)}
            active={active}
          />
          <dl
            className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4 lg:grid-cols-7"
            data-testid="run-counts"
          >
            <Stat label="Queued" value={formatNumber(r.counts.queued)} />
            <Stat label="Running" value={formatNumber(r.counts.running)} />
            <Stat label="Succeeded" value={formatNumber(r.counts.succeeded)} />
            <Stat label="Failed" value={formatNumber(r.counts.failed)} tone={r.counts.failed ? "danger" : undefined} />
            <Stat label="Cancelled" value={formatNumber(r.counts.cancelled)} />
            <Stat
              label="Mean reward"
              value={r.meanReward === null ? "—" : r.meanReward.toFixed(3)}
              title={r.meanReward === null ? "no episode has a reward yet" : `over ${r.judged} judged episodes`}
              testId="run-mean-reward"
            />
            <Stat
              label="Passed"
              value={r.counts.succeeded ? `${formatNumber(r.passed)} / ${formatNumber(r.counts.succeeded)}` : "—"}
            />
          </dl>
          <div className="flex flex-wrap gap-3 text-xs">
            {r.jobId ? (
              <Link className="text-accent hover:underline" href={`/projects/${project.id}/jobs/${r.jobId}`}>
                Job log
              </Link>
            ) : null}
            <Link className="text-accent hover:underline" href={`/projects/${project.id}/trajectories?runId=${r.id}`}>
              Trajectories of this run
            </Link>
            {r.taskSet ? (
              <Link
                className="text-accent hover:underline"
                href={`/projects/${project.id}/leaderboards?taskSetId=${r.taskSet.id}`}
              >
                Leaderboard of {r.taskSet.name}
              </Link>
            ) : null}
          </div>
        </CardBody>
      </Card>
      <DataTable
        label="Episodes"
        testId="episodes-table"
        data={r.episodeList}
        columns={columns}
        getRowId={(e) => e.id}
        onOpen={(e) => {
          if (e.trajectoryId) router.push(`/projects/${project.id}/trajectories/${e.trajectoryId}`);
        }}
        storageKey="run-episodes-columns"
        maxHeight="calc(100vh - 320px)"
      />
    </div>
  );
}

function RunSummary({ run: r }: { run: RunDetail }) {
  const c = r.config;
  const rubric = !c ? "" : c.rubric.mode === "task" ? "each task’s rubric" : "one rubric version";
  return (
    <span className="text-fg-muted" data-testid="run-summary">
      <span className="text-fg">{r.policy.name}</span> <span className="font-mono text-xs">({r.policy.model})</span> ·{" "}
      {STRATEGY_SHORT[r.strategy] ?? r.strategy} · {r.taskSet?.name ?? "?"} on {r.toolspace?.name ?? "?"}
      {c
        ? ` · ${c.samples} sample${c.samples === 1 ? "" : "s"} · ${c.concurrency} at a time · ${rubric}${c.judgeId ? "" : ", no judge"} · ≤${c.limits.maxTurns} turns, ${formatNumber(c.limits.contextBudget)} tokens`
        : ""}{" "}
      · started <RelativeTime value={r.createdAt} />
    </span>
  );
}

function Stat({
  label,
  value,
  tone,
  title,
  testId,
}: {
  label: string;
  value: string;
  tone?: "danger";
  title?: string;
  testId?: string;
}) {
  return (
    <div className="flex flex-col" title={title}>
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className={`tabular-nums ${tone === "danger" ? "text-danger" : "text-fg"}`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function useEpisodeColumns(projectId: string) {
  return useMemo<ColumnDef<EpisodeView>[]>(
    () => [
      {
        id: "task",
        header: "Task",
        accessorKey: "task",
        meta: { alwaysVisible: true, className: "w-[9%] whitespace-nowrap font-mono text-xs text-fg" },
        cell: ({ row: { original: e } }) =>
          e.trajectoryId ? (
            <Link
              href={`/projects/${projectId}/trajectories/${e.trajectoryId}`}
              className="hover:underline"
              data-testid="episode-trajectory"
            >
              {e.task}
            </Link>
          ) : (
            e.task
          ),
      },
      {
        id: "category",
        header: "Category",
        accessorFn: (e) => e.category ?? "",
        meta: { className: "w-[10%] truncate whitespace-nowrap text-fg-muted" },
      },
      {
        id: "sample",
        header: "#",
        accessorFn: (e) => e.sample + 1,
        meta: { className: "w-[5%] tabular-nums" },
      },
      {
        id: "status",
        header: "Status",
        accessorKey: "status",
        meta: { className: "w-[11%] whitespace-nowrap" },
        cell: ({ row: { original: e } }) => <EpisodeStatusBadge status={e.status} />,
      },
      num("turns", "Turns", (e) => e.turns, "assistant messages"),
      num("peakContextTokens", "Context", (e) => e.peakContextTokens, "peak context tokens"),
      num("toolCalls", "Calls", (e) => e.toolCalls, "tool calls"),
      {
        id: "reward",
        header: "Reward",
        accessorFn: (e) => e.reward ?? -1,
        meta: { className: "w-[8%] tabular-nums text-right" },
        cell: ({ row: { original: e } }) =>
          e.reward === null ? (
            <span className="text-fg-subtle" title={e.status === "succeeded" ? "not judged" : "not finished"}>
              —
            </span>
          ) : (
            <span data-testid="episode-reward">{e.reward.toFixed(2)}</span>
          ),
      },
      {
        id: "outcome",
        header: "Outcome",
        accessorFn: (e) => e.outcome ?? "",
        meta: { className: "w-[8%] whitespace-nowrap text-xs" },
        cell: ({ row: { original: e } }) =>
          e.outcome === "pass" ? (
            <span className="text-success">pass</span>
          ) : e.outcome === "fail" || e.outcome === "error" ? (
            <span className="text-danger">{e.outcome}</span>
          ) : (
            <span className="text-fg-subtle">{e.outcome ?? ""}</span>
          ),
      },
      {
        id: "note",
        header: "Stop / error",
        accessorFn: (e) => e.error ?? e.stopReason ?? "",
        meta: { className: "truncate text-xs text-fg-muted" },
        cell: ({ row: { original: e } }) => (
          <span title={e.error ?? e.stopReason ?? ""} className={e.error ? "text-danger" : undefined}>
            {e.error ?? e.stopReason ?? ""}
            {e.attempts > 1 ? ` (attempt ${e.attempts})` : ""}
          </span>
        ),
      },
    ],
    [projectId],
  );
}

function num(
  id: string,
  header: string,
  get: (e: EpisodeView) => number | null,
  title?: string,
): ColumnDef<EpisodeView> {
  return {
    id,
    header,
    accessorFn: (e) => get(e) ?? -1,
    meta: { className: "w-[8%] whitespace-nowrap tabular-nums text-right" },
    cell: ({ row: { original: e } }) => {
      const v = get(e);
      return v === null ? <span className="text-fg-subtle">—</span> : <span title={title}>{formatNumber(v)}</span>;
    },
  };
}
