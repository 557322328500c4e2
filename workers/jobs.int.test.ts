import { and, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jobLogs, jobSteps } from "@/db/schema";
import { makeProject, makeTrajectories } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { getSenderBoss, stopSenderBoss } from "@/lib/jobs/server/boss";
import { cancelJob } from "@/lib/jobs/server/cancel-job";
import { launchJob } from "@/lib/jobs/server/launch-job";
import { retryJob } from "@/lib/jobs/server/retry-job";
import { startWorker, type Worker } from "./main";
import { handlers } from "./registry";
import { isFinished, readExport, waitForJob } from "./test-support";

process.env.ATLAS_STEP_RETRIES = "1";
const { db } = connectTestDb();
let worker: Worker;
const by = { userId: null, keyId: null };

beforeAll(async () => {
  worker = await startWorker(process.env.DATABASE_URL!, () => {});
});
afterAll(async () => {
  await worker.stop(false);
  await stopSenderBoss();
});

const launchExport = async (projectId: string, pageSize: number) =>
  launchJob({
    db,
    boss: await getSenderBoss(),
    projectId,
    by,
    input: { type: "project.export", payload: { pageSize } },
  });

describe("jobs", () => {
  it("runs an export in steps, reports progress, and writes every record once", async () => {
    const { project } = await makeProject(db);
    await makeTrajectories(db, project.id, 95);
    const job = await launchExport(project.id, 10);
    const done = await waitForJob(db, job.id, isFinished);
    expect(done.status).toBe("succeeded");
    expect(done.progressTotal).toBe(10);
    expect(done.progressDone).toBe(10);
    const records = await readExport(db, job.id);
    expect(records[0].type).toBe("atlas_export");
    const trajectories = records.filter((r) => r.type === "trajectory");
    expect(new Set(trajectories.map((t) => t.clientId)).size).toBe(95);
    expect(trajectories).toHaveLength(95);
    expect(trajectories.every((t) => t.steps?.length === 2)).toBe(true);
    const logs = await db.select().from(jobLogs).where(eq(jobLogs.jobId, job.id));
    expect(logs.map((l) => l.message).join("\n")).toMatch(
      /Exporting 0 task sets, 0 tasks, 0 rubrics, 95 trajectories in 10 pages/,
    );
  });

  it("rejects a bad payload naming the field, and records nothing", async () => {
    const { project } = await makeProject(db);
    await expect(
      launchJob({
        db,
        boss: await getSenderBoss(),
        projectId: project.id,
        by,
        input: { type: "project.export", payload: { pageSize: 1 } },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "payload.pageSize" });
  });

  it("cancels between steps, keeping finished steps, and a retry finishes the rest", async () => {
    const { project } = await makeProject(db);
    await makeTrajectories(db, project.id, 400);
    const step = handlers["project.export"].step;
    const slow = vi.spyOn(handlers["project.export"], "step").mockImplementation(async (ctx) => {
      await new Promise((r) => setTimeout(r, 40));
      return step(ctx);
    });
    const job = await launchExport(project.id, 10);
    await waitForJob(db, job.id, (j) => j.progressDone >= 3);
    await cancelJob({ db, projectId: project.id, jobId: job.id });
    const cancelled = await waitForJob(db, job.id, isFinished);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.progressDone).toBeLessThan(40);
    const kept = cancelled.progressDone;
    slow.mockRestore();
    await retryJob({ db, boss: await getSenderBoss(), projectId: project.id, jobId: job.id });
    const finished = await waitForJob(db, job.id, isFinished);
    expect(finished.status).toBe("succeeded");
    expect(finished.progressDone).toBe(40);
    const steps = await db
      .select()
      .from(jobSteps)
      .where(and(eq(jobSteps.jobId, job.id), gte(jobSteps.step, 0)));
    expect(steps).toHaveLength(41); // 40 pages + the finishing step, each once
    expect(kept).toBeGreaterThanOrEqual(3);
    expect((await readExport(db, job.id)).filter((r) => r.type === "trajectory")).toHaveLength(400);
  });

  it("records a failing step as an error, retries it, fails the job, and a retry resumes", async () => {
    const { project } = await makeProject(db);
    await makeTrajectories(db, project.id, 30);
    const spy = vi.spyOn(handlers["project.export"], "step");
    spy.mockRejectedValueOnce(new Error("disk full")).mockRejectedValueOnce(new Error("disk full"));
    const job = await launchExport(project.id, 10);
    const failed = await waitForJob(db, job.id, isFinished);
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe("disk full");
    const logs = (await db.select().from(jobLogs).where(eq(jobLogs.jobId, job.id))).map((l) => l.message);
    expect(logs).toContain("Step 1 failed (attempt 1 of 2): disk full; retrying");
    expect(logs).toContain("Step 1 failed (attempt 2 of 2): disk full");
    spy.mockRestore();
    await retryJob({ db, boss: await getSenderBoss(), projectId: project.id, jobId: job.id });
    expect((await waitForJob(db, job.id, isFinished)).status).toBe("succeeded");
  });
});
