import type { Job } from "@/db/schema";
import { computeProgress, type JobView } from "../schemas";

export const toJobView = (j: Job): JobView => ({
  id: j.id,
  projectId: j.projectId,
  runId: j.runId,
  type: j.type,
  status: j.status,
  payload: j.payload,
  progress: computeProgress(j.progressDone, j.progressTotal, j.startedAt, j.finishedAt ?? new Date()),
  result: j.result ?? null,
  error: j.error,
  createdBy: j.createdBy,
  createdAt: j.createdAt.toISOString(),
  startedAt: j.startedAt?.toISOString() ?? null,
  finishedAt: j.finishedAt?.toISOString() ?? null,
  updatedAt: j.updatedAt.toISOString(),
});
