"use client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

// Runs and leaderboards arrive in later releases. Until then each page
// says what will live there and how it will be filled, and shows no made-up data.

const later = <Badge tone="warning">later release</Badge>;

export function RunsEmpty() {
  return (
    <>
      <PageHeader
        title="Runs"
        description="A benchmark run (a policy against a task set in a toolspace) or a training run (rubric-based GRPO). A run owns its jobs, metrics, trajectories and checkpoints."
      />
      <EmptyState
        title="Runs arrive in a later release"
        badge={later}
        ways={[
          {
            label: "In the studio",
            detail:
              "A “New run” form: policy endpoint, task set, toolspace, loading strategy (eager, ISL, ITL, ITL+PTC), rubric. Planned.",
          },
          {
            label: "CLI",
            code: "npx atlas runs launch --task-set <id> --policy <url>",
            detail: "Planned; not in today's CLI.",
          },
          {
            label: "API",
            code: "POST /api/v1/projects/{projectId}/runs",
            detail:
              "Planned, with an API key that has the run scope; a training learner reports metrics back over /api/v1.",
          },
        ]}
      >
        <p>
          Runs will show reward curves (overall and per criterion), MCP benchmark scores, turns and tokens, with live
          progress under Jobs.
        </p>
      </EmptyState>
    </>
  );
}

export function LeaderboardsEmpty() {
  return (
    <>
      <PageHeader
        title="Leaderboards"
        description="Policies ranked per task set: score with confidence intervals, turns and tokens, with a drill-down from any number to the trajectories behind it."
      />
      <EmptyState
        title="Leaderboards arrive with runs, in a later release"
        badge={later}
        ways={[
          {
            label: "Filled by",
            detail:
              "Finished benchmark runs. Nothing is entered by hand: a leaderboard is computed from scored trajectories.",
          },
          {
            label: "API",
            code: "GET /api/v1/projects/{projectId}/leaderboards",
            detail: "Planned, readable with a read-scoped API key.",
          },
        ]}
      />
    </>
  );
}
