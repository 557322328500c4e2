import { z } from "zod";
import { jobList, jobListQuery, jobLogs, jobLogsQuery, jobView, launchJobInput } from "@/lib/jobs/schemas";
import { defineContract, KB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "jobs";
const jobParams = projectParams.extend({ jobId: uuidParam("jobId") });

export const listJobs = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/jobs",
  summary: "Jobs, newest first",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  query: jobListQuery,
  response: jobList,
});

export const launchJob = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/jobs",
  summary: "Launch a job; workers run it in steps",
  tag,
  access: { kind: "project", role: "editor", scope: "run" },
  params: projectParams,
  body: launchJobInput,
  bodyLimit: 64 * KB,
  response: jobView,
  status: 202,
});

export const getJob = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/jobs/{jobId}",
  summary: "One job with its progress",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: jobParams,
  response: jobView,
});

export const getJobLogs = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/jobs/{jobId}/logs",
  summary: "A job's log lines after a given line id",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: jobParams,
  query: jobLogsQuery,
  response: jobLogs,
});

export const cancelJob = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/jobs/{jobId}/cancel",
  summary: "Ask a job to stop; finished steps are kept",
  tag,
  access: { kind: "project", role: "editor", scope: "run" },
  params: jobParams,
  response: jobView,
});

export const retryJob = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/jobs/{jobId}/retry",
  summary: "Run a failed or cancelled job again from its first unfinished step",
  tag,
  access: { kind: "project", role: "editor", scope: "run" },
  params: jobParams,
  response: jobView,
});

export const projectEvents = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/events",
  summary: "Server-sent events: `job` when a job's status, progress or log changes",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  response: "text/event-stream",
});

export const listArtifacts = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/artifacts",
  summary: "Files produced by jobs (exports, later checkpoints)",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams,
  query: z.object({ jobId: z.string().uuid().optional() }),
  response: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        jobId: z.string().nullable(),
        kind: z.string(),
        filename: z.string(),
        bytes: z.number(),
        createdAt: z.string(),
      }),
    ),
  }),
});

export const downloadArtifact = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/artifacts/{artifactId}",
  summary: "Download a file produced by a job",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams.extend({ artifactId: uuidParam("artifactId") }),
  response: "application/octet-stream",
});
