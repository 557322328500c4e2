import { IMPORT_BODY_LIMIT, importQuery, previewInput, previewResult } from "@/lib/imports/schemas";
import { importStatus } from "@/lib/imports/status";
import { jobView } from "@/lib/jobs/schemas";
import { defineContract, MB } from "../contract";
import { projectParams, uuidParam } from "../schemas";

const tag = "imports";

export const previewImport = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/imports/preview",
  summary: "Preview a trajectory file from its first 2 MB: format, fields, suggested mapping, first records, errors",
  tag,
  access: { kind: "project", role: "editor", scope: "ingest" },
  params: projectParams,
  body: previewInput,
  // 2 MB of text grows when written as a JSON string
  bodyLimit: 6 * MB,
  response: previewResult,
});

export const startImport = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/imports",
  summary:
    "Import a trajectory file sent as the raw body (streamed, up to 2 GB); launches the import job and returns it",
  tag,
  access: { kind: "project", role: "editor", scope: "ingest" },
  params: projectParams,
  query: importQuery,
  rawBody: "application/octet-stream",
  bodyLimit: IMPORT_BODY_LIMIT,
  response: jobView,
  status: 202,
});

export const getImport = defineContract({
  method: "GET",
  path: "/api/v1/projects/{projectId}/imports/{jobId}",
  summary: "An import job: records done of total, created/existing/invalid counts, the first errors with their lines",
  tag,
  access: { kind: "project", role: "viewer", scope: "read" },
  params: projectParams.extend({ jobId: uuidParam("jobId") }),
  response: importStatus,
});
