import { ingestBody, ingestResponse } from "@/lib/imports/schemas";
import { defineContract, MB } from "../contract";
import { projectParams } from "../schemas";

const tag = "ingest";
const summary =
  "Send up to 1000 trajectories (canonical format; `messages` may stand for `steps`); idempotent by id, answered per record";
/** 1000 records of ~30 KB each */
const bodyLimit = 32 * MB;

export const ingestTrajectories = defineContract({
  method: "POST",
  path: "/api/v1/projects/{projectId}/trajectories",
  summary,
  tag,
  access: { kind: "project", role: "editor", scope: "ingest" },
  params: projectParams,
  body: ingestBody,
  bodyLimit,
  response: ingestResponse,
});

export const ingestTrajectoriesForKey = defineContract({
  method: "POST",
  path: "/api/v1/trajectories",
  summary: `${summary}. For API keys: the project is the key's own`,
  tag,
  access: { kind: "key", scope: "ingest" },
  body: ingestBody,
  bodyLimit,
  response: ingestResponse,
});
