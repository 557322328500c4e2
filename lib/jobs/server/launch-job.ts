import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { jobLogs, jobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { launchJobInput } from "../schemas";
import { jobTypes } from "../types";
import { notifyJob } from "./notify";
import { enqueueStep, PLAN_STEP } from "./queue";
import { toJobView } from "./to-view";

export type Launcher = { userId: string | null; keyId: string | null };

/** Records the job and sends its first step in one transaction: a job is never queued without its message. */
export async function launchJob({
  db,
  boss,
  projectId,
  by,
  input,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  by: Launcher;
  input: unknown;
}) {
  const { type, payload, runId } = launchJobInput.parse(input);
  const def = jobTypes[type];
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ["payload", ...issue.path].join(".");
    throw new AppError("VALIDATION", `${field}: ${issue.message}`, field);
  }
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({
        projectId,
        runId: runId ?? null,
        type,
        typeVersion: def.version,
        payload: parsed.data,
        createdBy: by.userId,
        createdByKeyId: by.keyId,
      })
      .returning();
    await tx.insert(jobLogs).values({ jobId: job.id, message: `Queued: ${def.title}` });
    await enqueueStep(boss, tx, { jobId: job.id, step: PLAN_STEP });
    await notifyJob(tx, projectId, job.id);
    return toJobView(job);
  });
}
