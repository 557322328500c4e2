// Judging runs: a rubric version and a judge applied to trajectories as a job, and their results.
import {
  judgingResults,
  judgingResultsQuery,
  judgingRunInput,
  judgingRunList,
  judgingRunListQuery,
  judgingRunView,
} from "@/lib/judging/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "judging";
const read = { kind: "project", role: "viewer", scope: "read" } as const;
const runParams = projectParams.extend({ runId: uuidParam("runId") });

export const listJudgingRuns = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/judging-runs",
  summary: "Judging runs, newest first, with their job's status and counts",
  tag,
  access: read,
  params: projectParams,
  query: judgingRunListQuery,
  response: judgingRunList,
});

export const startJudgingRun = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/judging-runs",
  summary:
    "Judge up to 5000 trajectories with a rubric version and a judge, as a job; the judging cache skips what was judged before",
  tag,
  access: { kind: "project", role: "editor", scope: "run" },
  params: projectParams,
  body: judgingRunInput,
  // 5000 UUIDs
  bodyLimit: 256 * KB,
  response: judgingRunView,
  status: 202,
});

export const getJudgingRun = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/judging-runs/{runId}",
  summary: "One judging run with its job's status, progress and counts",
  tag,
  access: read,
  params: runParams,
  response: judgingRunView,
});

export const getJudgingResults = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/judging-runs/{runId}/results",
  summary:
    "A judging run's results: per trajectory the reward and every criterion (value, rationale, evidence steps), per criterion the mean and how many were not judged",
  tag,
  access: read,
  params: runParams,
  query: judgingResultsQuery,
  response: judgingResults,
});
