"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useCan, useProject } from "@/components/projects/project-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { IconPlus } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { useShortcut } from "@/components/ui/shortcuts";
import type { RunView } from "@/lib/runs/schemas";
import { NewRunDialog } from "./new-run-dialog";
import { runActive, useRuns } from "./queries";
import { finishedEpisodes, RunStatusBadge, runTone, STRATEGY_SHORT } from "./run-status";
import { RunsTabs } from "./runs-tabs";

export function RunsScreen() {
  const project = useProject();
  const canRun = useCan("editor");
  const runs = useRuns(project.id);
  const [creating, setCreating] = useState(false);
  useShortcut("c", "Start a benchmark run", () => setCreating(true), { enabled: canRun });

  const columns = useMemo<ColumnDef<RunView>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true, className: "w-[21%] truncate whitespace-nowrap font-medium text-fg" },
        cell: ({ row: { original: r } }) => (
          <Link href={`/projects/${project.id}/runs/${r.id}`} className="hover:underline" title={r.name}>
            {r.name}
          </Link>
        ),
      },
      {
        id: "policy",
        header: "Policy",
        accessorFn: (r) => r.policy.name,
        meta: { className: "w-[12%] truncate whitespace-nowrap" },
        cell: ({ row: { original: r } }) => <span title={r.policy.model}>{r.policy.name}</span>,
      },
      {
        id: "strategy",
        header: "Strategy",
        accessorKey: "strategy",
        meta: { className: "w-[8%] whitespace-nowrap font-mono text-xs" },
        cell: ({ row: { original: r } }) => STRATEGY_SHORT[r.strategy] ?? r.strategy,
      },
      {
        id: "taskSet",
        header: "Task set",
        accessorFn: (r) => r.taskSet?.name ?? "",
        meta: { className: "w-[12%] truncate whitespace-nowrap text-fg-muted" },
      },
      {
        id: "status",
        header: "Status",
        accessorKey: "status",
        meta: { className: "w-[10%] whitespace-nowrap" },
        cell: ({ row: { original: r } }) => <RunStatusBadge status={r.status} />,
      },
      {
        id: "progress",
        header: "Episodes",
        accessorFn: (r) => finishedEpisodes(r) / Math.max(1, r.episodes),
        meta: { className: "w-[15%] whitespace-nowrap" },
        cell: ({ row: { original: r } }) => (
          <ProgressBar
            compact
            done={finishedEpisodes(r)}
            total={r.episodes}
            unit=""
            tone={runTone(r)}
            active={runActive(r)}
          />
        ),
      },
      {
        id: "reward",
        header: "Reward",
        accessorFn: (r) => r.meanReward ?? -1,
        meta: { className: "w-[8%] whitespace-nowrap tabular-nums text-right" },
        cell: ({ row: { original: r } }) =>
          r.meanReward === null ? (
            <span className="text-fg-subtle" title="no episode has a reward yet">
              —
            </span>
          ) : (
            <span title={`mean reward over ${r.judged} judged episodes; ${r.passed} passed`}>
              {r.meanReward.toFixed(3)}
            </span>
          ),
      },
      {
        id: "createdAt",
        header: "Created",
        accessorKey: "createdAt",
        meta: { className: "w-[10%] whitespace-nowrap text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
    ],
    [project.id],
  );

  const actions = canRun ? (
    <Button
      variant="primary"
      icon={<IconPlus className="size-3.5" />}
      onClick={() => setCreating(true)}
      data-testid="new-run"
    >
      New run
    </Button>
  ) : null;

  return (
    <>
      <RunsTabs projectId={project.id} actions={actions} />
      <ErrorText message={runs.error?.message} />
      {runs.data && runs.data.items.length === 0 ? (
        <EmptyState
          title="No benchmark runs yet"
          ways={[
            {
              label: "1. A policy",
              detail: (
                <>
                  A run sends episodes to an OpenAI-compatible endpoint:{" "}
                  <Link className="text-accent hover:underline" href={`/projects/${project.id}/runs/policies`}>
                    add one on the Policies tab
                  </Link>
                  .
                </>
              ),
            },
            {
              label: "2. In the studio",
              detail: canRun
                ? "“New run” (c): choose the policy, a task set, a loading strategy and a rubric; a task limit of 2 or 3 makes a quick first try."
                : "An editor starts runs here; you can follow them once they exist.",
            },
            {
              label: "CLI",
              code: "atlas bench run --policy <name> --task-set <name> --strategy itl --task-limit 3 --wait",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/runs  {"policyId": "…", "taskSetId": "…", "strategy": "itl"}`,
              detail: "with an API key that has the run scope.",
            },
          ]}
          actions={
            <>
              {actions}
              <ButtonLink href={`/projects/${project.id}/runs/policies`}>Policies</ButtonLink>
            </>
          }
        >
          <p>
            A benchmark run plays every task of a set (× samples) as an episode of a policy in a fresh copy of a
            toolspace under one loading strategy, stores each step as it happens and judges the episode with the task’s
            rubric. Runs fill the leaderboards.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          label="Benchmark runs"
          testId="runs-table"
          data={runs.data?.items}
          loading={runs.isPending}
          columns={columns}
          getRowId={(r) => r.id}
          rowHref={(r) => `/projects/${project.id}/runs/${r.id}`}
          storageKey="runs-columns"
        />
      )}
      {creating ? <NewRunDialog projectId={project.id} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
