import { z } from "zod";
import { jobTypeSchema } from "./types";

export const jobStatuses = ["queued", "running", "cancelling", "cancelled", "succeeded", "failed"] as const;
export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const finishedStatuses: JobStatus[] = ["cancelled", "succeeded", "failed"];

export const launchJobInput = z.object({
  type: jobTypeSchema,
  payload: z.record(z.string(), z.unknown()).default({}),
  runId: z.string().uuid().optional(),
});

export const jobProgress = z.object({
  done: z.number().int(),
  total: z.number().int().nullable(),
  /** steps per second since the job started */
  rate: z.number().nullable(),
  /** seconds left at that rate */
  etaSeconds: z.number().nullable(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobView = z.object({
  id: z.string().uuid(),
  projectId: z.string().uuid(),
  runId: z.string().uuid().nullable(),
  type: z.string(),
  status: jobStatusSchema,
  payload: z.unknown(),
  progress: jobProgress,
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type JobView = z.infer<typeof jobView>;

export const jobListQuery = z.object({
  status: jobStatusSchema.optional(),
  type: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().datetime({ message: "before must be an ISO date-time" }).optional(),
});
export const jobList = z.object({ items: z.array(jobView), nextBefore: z.string().nullable() });

export const jobLogView = z.object({ id: z.number(), level: z.string(), message: z.string(), at: z.string() });
export type JobLogView = z.infer<typeof jobLogView>;
export const jobLogsQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const jobLogs = z.object({ items: z.array(jobLogView) });

/** Rate and ETA from steps done since the start; null until there is something to go on. */
export function computeProgress(
  done: number,
  total: number | null,
  startedAt: Date | null,
  now = new Date(),
): JobProgress {
  const seconds = startedAt ? (now.getTime() - startedAt.getTime()) / 1000 : 0;
  const rate = done > 0 && seconds > 0 ? done / seconds : null;
  const etaSeconds = rate && total !== null ? Math.max(0, (total - done) / rate) : null;
  return { done, total, rate, etaSeconds };
}
