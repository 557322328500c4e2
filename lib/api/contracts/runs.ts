// Benchmark runs: a policy on a task set in a toolspace under a loading strategy, judged with a
// rubric, run as a job of episodes.
import { createRunInput, runDetail, runList, runListQuery } from "@/lib/runs/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "runs";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
const launch = { kind: "project", role: "editor", scope: "run" } as const;
const runParams = projectParams.extend({ runId: uuidParam("runId") });

export const listRuns = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/runs",
  summary: "Benchmark runs, newest first, with status, episode counts per status and mean reward",
  tag,
  access: read,
  params: projectParams,
  query: runListQuery,
  response: runList,
});

export const createRun = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/runs",
  summary:
    "Start a benchmark run: a policy on a task set's tasks (× samples) in a toolspace with a loading strategy, judged with each task's rubric or one rubric version",
  tag,
  access: launch,
  params: projectParams,
  body: createRunInput,
  bodyLimit: 16 * KB,
  response: runDetail,
  status: 202,
});

export const getRun = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/runs/{runId}",
  summary: "One benchmark run: configuration, status, counts and every episode with its trajectory and reward",
  tag,
  access: read,
  params: runParams,
  response: runDetail,
});

export const cancelRun = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/runs/{runId}/cancel",
  summary: "Stop a run at once: episodes in flight are aborted, the rest marked cancelled; finished ones are kept",
  tag,
  access: launch,
  params: runParams,
  response: runDetail,
});

export const rerunFailed = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/runs/{runId}/rerun-failed",
  summary: "Run the failed and cancelled episodes of a finished run again, as a new job",
  tag,
  access: launch,
  params: runParams,
  response: runDetail,
  status: 202,
});

export const resumeRun = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/runs/{runId}/resume",
  summary: "Continue a cancelled or failed run: every episode that has not succeeded runs, as a new job",
  tag,
  access: launch,
  params: runParams,
  response: runDetail,
  status: 202,
});
