"use client";
import Link from "next/link";
import { type CSSProperties, useMemo } from "react";
import { useProject } from "@/components/projects/project-context";
import { DataTable, formatSort, parseSort } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { Leaderboard } from "@/lib/leaderboards/schemas";
import { leaderboardColumns, sortRows, tableMinRem } from "./columns";
import { runHref } from "./format";
import { useLeaderboard } from "./queries";
import { ScoreChart } from "./score-chart";

const DEFAULT_SORT = "-mean";

export function LeaderboardScreen() {
  const project = useProject();
  const url = useUrlQuery();
  const taskSetId = url.get("taskSetId");
  const sort = parseSort(url.get("sort") || DEFAULT_SORT);
  const board = useLeaderboard(project.id, taskSetId);
  const data = board.data;
  const categories = data?.categories;
  const withCheckpoint = Boolean(data?.rows.some((r) => r.checkpoint));
  const columns = useMemo(
    () => leaderboardColumns(project.id, categories ?? [], withCheckpoint),
    [project.id, categories, withCheckpoint],
  );
  const rows = useMemo(() => (data ? sortRows(data.rows, sort) : undefined), [data, sort]);

  const picker = data?.taskSets.length ? (
    <span className="flex items-center gap-2 text-sm text-fg-muted">
      <label htmlFor="lb-task-set">Task set</label>
      <Select
        id="lb-task-set"
        value={data.taskSet?.id ?? ""}
        onChange={(e) => url.set({ taskSetId: e.target.value, sort: null })}
        data-testid="lb-task-set"
        className="min-w-56"
      >
        {data.taskSets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.runCount} {t.runCount === 1 ? "run" : "runs"})
          </option>
        ))}
      </Select>
    </span>
  ) : null;

  return (
    <>
      <PageHeader
        title="Leaderboards"
        description="Benchmark runs on one task set, side by side. Every figure opens the trajectories behind it."
        actions={picker}
      />
      <ErrorText message={board.error?.message} />
      {data && data.taskSets.length === 0 ? (
        <NoRuns projectId={project.id} />
      ) : (
        <div className="flex flex-col gap-4">
          {/* A wide board (many categories, a narrow window) scrolls sideways inside the table's own
              frame rather than crushing its columns; the toolbar above stays in view. */}
          <div
            className="[&_.overflow-clip]:overflow-x-auto [&_table]:min-w-(--lb-min)"
            style={{ "--lb-min": `${tableMinRem(categories?.length ?? 0, withCheckpoint)}rem` } as CSSProperties}
          >
            <DataTable
              label="Leaderboard"
              testId="lb-table"
              data={rows}
              loading={board.isPending}
              columns={columns}
              getRowId={(r) => r.runId}
              rowHref={(r) => runHref(project.id, r.runId)}
              sort={sort}
              onSortChange={(s) => url.set({ sort: formatSort(s) === DEFAULT_SORT ? null : formatSort(s) })}
              storageKey="leaderboard"
              empty="No benchmark runs on this task set yet."
            />
          </div>
          {data ? <Notes board={data} /> : null}
          {data?.rows.length ? <ScoreChart projectId={project.id} rows={data.rows} front={data.paretoFront} /> : null}
        </div>
      )}
    </>
  );
}

function Notes({ board }: { board: Leaderboard }) {
  const { resamples, confidence } = board.bootstrap;
  return (
    <p className="text-xs text-fg-subtle">
      {board.taskSet ? `${board.taskSet.name}: ${board.taskSet.taskCount} tasks. ` : ""}
      Means are over scored episodes, the latest attempt of each; an errored episode counts as reward 0 and not passed
      (its count is in red), one not yet judged is left out. Intervals: percentile bootstrap,{" "}
      {Math.round(confidence * 100)}%, {resamples.toLocaleString("en-US")} resamples with a fixed seed. Category figures
      open all of a run's trajectories: the list filters by one task, not by category. Turns are assistant steps.
    </p>
  );
}

function NoRuns({ projectId }: { projectId: string }) {
  return (
    <EmptyState
      title="No benchmark runs yet"
      ways={[
        {
          label: "In the studio",
          detail: (
            <>
              <Link
                href={`/projects/${projectId}/runs`}
                className="text-accent hover:underline"
                data-testid="lb-empty-runs"
              >
                Runs
              </Link>{" "}
              → New run: a policy, a task set, a toolspace and a loading strategy (eager, ISL, ITL, ITL+PTC).
            </>
          ),
        },
        {
          label: "CLI",
          code: "npx atlas bench run --task-set <id> --policy <id> --toolspace <id> --strategy itl",
          detail: "Headless, the same run; `npx atlas bench run --help` lists every option.",
        },
        {
          label: "API",
          code: `GET /api/v1/projects/${projectId}/leaderboards?taskSetId=<id>`,
          detail: "This leaderboard as JSON, with a read-scoped API key.",
        },
      ]}
    >
      <p>
        A leaderboard ranks the benchmark runs on one task set: mean reward with a 95% bootstrap interval, pass rate,
        per-category scores, turns, context tokens, tool calls and time, and a chart of score against context that marks
        the Pareto front. Nothing is entered by hand: every figure comes from the runs' scored trajectories.
      </p>
    </EmptyState>
  );
}
