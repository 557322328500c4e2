"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Sort } from "@/components/ui/data-table";
import type { LeaderboardRow } from "@/lib/leaderboards/schemas";
import {
  fmtMs,
  fmtOne,
  fmtPct,
  fmtScore,
  fmtTokens,
  intervalText,
  runHref,
  strategyColor,
  strategyLabel,
  trajectoriesHref,
} from "./format";

type Value = number | string | null;
const categoryId = (c: string) => `cat:${c}`;

/** What each sortable column sorts by; null sorts last either way. */
export function sortValue(row: LeaderboardRow, id: string): Value {
  if (id.startsWith("cat:")) return row.categories.find((c) => categoryId(c.category) === id)?.meanReward ?? null;
  const values: Record<string, Value> = {
    run: row.runName.toLowerCase(),
    policy: (row.policyName ?? row.policyModel)?.toLowerCase() ?? null,
    strategy: row.strategy,
    checkpoint: row.checkpoint,
    episodes: row.episodes,
    mean: row.meanReward,
    passRate: row.passRate,
    turns: row.meanTurns,
    context: row.meanPeakContextTokens,
    toolCalls: row.meanToolCalls,
    duration: row.meanDurationMs,
  };
  return values[id] ?? null;
}

export function sortRows(rows: LeaderboardRow[], sort: Sort): LeaderboardRow[] {
  if (!sort) return rows;
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.id);
    const y = sortValue(b, sort.id);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * dir || a.runName.localeCompare(b.runName);
  });
}

/** A figure that opens the trajectories behind it. */
function Drill({
  href,
  title,
  children,
  testId,
}: {
  href: string;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      title={title}
      data-testid={testId}
      className="rounded-sm tabular-nums text-fg underline-offset-2 hover:text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
    >
      {children}
    </Link>
  );
}

// Numbers get less padding so that a leaderboard with a few categories fits 1440 px without scrolling.
const num = "px-2! text-right whitespace-nowrap";
const numHead = `${num} [&>button]:flex-row-reverse`;

/** The width the table needs before its columns crush; below it the table scrolls sideways. */
export const tableMinRem = (categories: number, checkpoint: boolean) => 60 + (checkpoint ? 6 : 0) + 5.25 * categories;

export function leaderboardColumns(
  projectId: string,
  categories: string[],
  checkpoint: boolean,
): ColumnDef<LeaderboardRow>[] {
  const list = (r: LeaderboardRow, extra?: Record<string, string>) => trajectoriesHref(projectId, r.runId, extra);
  const metric = (
    id: string,
    header: string,
    sortKey: string,
    value: (r: LeaderboardRow) => number | null,
    fmt: (v: number | null) => string,
    what: string,
    width: string,
    label = header,
  ): ColumnDef<LeaderboardRow> => ({
    id,
    header,
    accessorFn: (r) => value(r),
    meta: { className: `${width} ${num}`, headerClassName: `${width} ${numHead}`, label },
    cell: ({ row: { original: r } }) =>
      value(r) === null ? (
        <span className="text-fg-subtle">—</span>
      ) : (
        <Drill href={list(r, { sort: `-${sortKey}` })} title={`${what}: open the run's trajectories, highest first`}>
          {fmt(value(r))}
        </Drill>
      ),
  });

  return [
    {
      id: "run",
      header: "Run",
      accessorFn: (r) => r.runName,
      meta: { alwaysVisible: true, label: "Run" },
      cell: ({ row: { original: r } }) => (
        <span className="flex min-w-0 items-center gap-2">
          {r.paretoOptimal ? (
            <span
              className="size-1.5 shrink-0 rounded-full bg-accent"
              title="On the Pareto front: no run has less context and a higher score"
            />
          ) : null}
          <Link
            href={runHref(projectId, r.runId)}
            className="min-w-0 truncate font-medium text-fg hover:text-accent hover:underline"
            title={`Open run ${r.runName}`}
          >
            {r.runName}
          </Link>
          {r.status !== "succeeded" ? (
            <Badge tone={r.status === "failed" ? "danger" : r.status === "running" ? "info" : "neutral"}>
              {r.status}
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      id: "policy",
      header: "Policy",
      accessorFn: (r) => r.policyName,
      meta: { className: "w-[8.5rem]", label: "Policy" },
      cell: ({ row: { original: r } }) => (
        <span className="block min-w-0 truncate" title={[r.policyName, r.policyModel].filter(Boolean).join(" · ")}>
          <span className="text-fg">{r.policyName ?? "—"}</span>
          {r.policyModel && r.policyModel !== r.policyName ? (
            <span className="ml-1.5 font-mono text-xs text-fg-subtle">{r.policyModel}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "strategy",
      header: "Strategy",
      accessorFn: (r) => r.strategy,
      meta: { className: "w-[5rem] whitespace-nowrap", label: "Strategy" },
      cell: ({ row: { original: r } }) => (
        <span className="inline-flex items-center gap-1.5 text-xs">
          <span className="size-2 rounded-full" style={{ background: strategyColor(r.strategy) }} />
          {strategyLabel(r.strategy)}
        </span>
      ),
    },
    ...(checkpoint
      ? [
          {
            id: "checkpoint",
            header: "Checkpoint",
            accessorFn: (r) => r.checkpoint,
            meta: { className: "w-[6rem]", label: "Checkpoint" },
            cell: ({ row: { original: r } }) => (
              <span
                className="block truncate font-mono text-xs text-fg-muted"
                title={r.checkpoint ?? "the policy as served"}
              >
                {r.checkpoint ?? "—"}
              </span>
            ),
          } satisfies ColumnDef<LeaderboardRow>,
        ]
      : []),
    {
      id: "episodes",
      header: "Episodes",
      accessorFn: (r) => r.episodes,
      meta: {
        className: `w-[5.75rem] ${num}`,
        headerClassName: `w-[5.75rem] ${numHead}`,
        label: "Episodes",
      },
      cell: ({ row: { original: r } }) => (
        <span className="inline-flex items-baseline gap-1.5">
          <Drill
            href={list(r)}
            title={`${r.episodes} episodes (latest attempts)${r.unscored ? `, ${r.unscored} not scored yet` : ""}: open them`}
            testId="lb-episodes"
          >
            {r.episodes}
          </Drill>
          {r.errors ? (
            <Link
              href={list(r, { outcome: "error" })}
              title={`${r.errors} episodes errored: they count as reward 0 and not passed. Open them`}
              className="text-xs text-danger hover:underline"
            >
              {r.errors} err
            </Link>
          ) : null}
        </span>
      ),
    },
    {
      id: "mean",
      header: "Mean reward [95% CI]",
      accessorFn: (r) => r.meanReward,
      meta: {
        className: "w-[8.5rem] whitespace-nowrap px-2!",
        headerClassName: "w-[8.5rem] px-2!",
        label: "Mean reward",
      },
      cell: ({ row: { original: r } }) =>
        r.meanReward === null ? (
          <span
            className="text-fg-subtle"
            title={r.unscored ? `${r.unscored} episodes wait for judging` : "no episodes yet"}
          >
            —
          </span>
        ) : (
          <span className="inline-flex items-center">
            <Drill
              href={list(r, { sort: "-reward" })}
              title={`Mean over ${r.scored} scored episodes${"reason" in r.interval ? `; no interval: ${r.interval.reason}` : ""}. Open them, highest reward first`}
              testId="lb-mean"
            >
              <span className="font-medium">{fmtScore(r.meanReward)}</span>{" "}
              <span className="text-xs text-fg-muted">{intervalText(r) ?? "[n/a]"}</span>
            </Drill>
          </span>
        ),
    },
    {
      id: "passRate",
      header: "Pass",
      accessorFn: (r) => r.passRate,
      meta: {
        className: `w-[4rem] ${num}`,
        headerClassName: `w-[4rem] ${numHead}`,
        label: "Pass rate",
      },
      cell: ({ row: { original: r } }) =>
        r.passRate === null ? (
          <span className="text-fg-subtle">—</span>
        ) : (
          <Drill
            href={list(r, { outcome: "pass" })}
            title={`${r.passes} of ${r.scored} scored episodes passed: open the passes`}
          >
            {fmtPct(r.passRate)}
          </Drill>
        ),
    },
    ...categories.map(
      (c): ColumnDef<LeaderboardRow> => ({
        id: categoryId(c),
        header: () => (
          <span className="block max-w-[3.4rem] truncate" title={`Category ${c}: mean reward`}>
            {c}
          </span>
        ),
        accessorFn: (r) => r.categories.find((x) => x.category === c)?.meanReward ?? null,
        meta: { className: `w-[5.25rem] ${num}`, headerClassName: `w-[5.25rem] ${numHead}`, label: `Category ${c}` },
        cell: ({ row: { original: r } }) => {
          const cat = r.categories.find((x) => x.category === c);
          return cat?.meanReward === null || !cat ? (
            <span className="text-fg-subtle">—</span>
          ) : (
            <Drill
              href={list(r, { sort: "-reward" })}
              title={`Mean reward over ${cat.n} ${c} episodes. The trajectory list filters by one task, not by category: this opens all of the run's trajectories`}
            >
              {fmtScore(cat.meanReward)}
            </Drill>
          );
        },
      }),
    ),
    metric(
      "turns",
      "Turns",
      "stepCount",
      (r) => r.meanTurns,
      fmtOne,
      "Mean assistant steps per episode (the list sorts by all steps)",
      "w-[4.25rem]",
    ),
    metric(
      "context",
      "Context",
      "peakContextTokens",
      (r) => r.meanPeakContextTokens,
      fmtTokens,
      "Mean peak context tokens per episode",
      "w-[5.25rem]",
    ),
    metric(
      "toolCalls",
      "Tools",
      "toolCallCount",
      (r) => r.meanToolCalls,
      fmtOne,
      "Mean tool calls per episode",
      "w-[4.25rem]",
      "Tool calls",
    ),
    metric("duration", "Time", "durationMs", (r) => r.meanDurationMs, fmtMs, "Mean episode duration", "w-[4.5rem]"),
  ];
}
