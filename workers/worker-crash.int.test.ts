// Workers as real child processes: one is killed (SIGKILL) or stopped (SIGTERM) in the middle of
// a multi-step job, another takes over, and the counted side effects show every step ran once.
import type { ChildProcess } from "node:child_process";
import { and, eq, gte } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { jobSteps } from "@/db/schema";
import { makeProject, makeTrajectories } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { getSenderBoss, stopSenderBoss } from "@/lib/jobs/server/boss";
import { launchJob } from "@/lib/jobs/server/launch-job";
import { isFinished, readExport, startWorkerProcess, waitForJob } from "./test-support";

const { db } = connectTestDb();
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await stopSenderBoss();
});

async function exportJob(n: number) {
  const { project } = await makeProject(db);
  await makeTrajectories(db, project.id, n);
  const job = await launchJob({
    db,
    boss: await getSenderBoss(),
    projectId: project.id,
    by: { userId: null, keyId: null },
    input: { type: "project.export", payload: { pageSize: 10 } },
  });
  return { job, n };
}

async function assertExactlyOnce(jobId: string, n: number) {
  const done = await waitForJob(db, jobId, isFinished, 90_000);
  expect(done.status).toBe("succeeded");
  const pages = n / 10;
  // progress is incremented in each step's transaction: a step committed twice would overshoot
  expect(done.progressDone).toBe(pages);
  const steps = await db
    .select()
    .from(jobSteps)
    .where(and(eq(jobSteps.jobId, jobId), gte(jobSteps.step, 0)));
  expect(steps.map((s) => s.step).sort((a, b) => a - b)).toEqual([...Array(pages + 1).keys()]);
  const ids = (await readExport(db, jobId)).filter((r) => r.type === "trajectory").map((r) => r.clientId);
  expect(ids).toHaveLength(n);
  expect(new Set(ids).size).toBe(n);
}

describe("worker processes", () => {
  it("a worker killed with SIGKILL mid-job loses no step and repeats none once another takes over", async () => {
    const first = startWorkerProcess(children);
    await first.ready;
    const { job, n } = await exportJob(3000);
    const mid = await waitForJob(db, job.id, (j) => j.progressDone >= 20);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(mid.progressDone).toBeLessThan(300);
    const second = startWorkerProcess(children);
    await second.ready;
    await assertExactlyOnce(job.id, n);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("SIGTERM lets a worker finish its step and exit; another worker finishes the job", async () => {
    const first = startWorkerProcess(children);
    await first.ready;
    const { job, n } = await exportJob(2000);
    await waitForJob(db, job.id, (j) => j.progressDone >= 10);
    const t0 = Date.now();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(first.output()).toContain("stopping");
    const second = startWorkerProcess(children);
    await second.ready;
    await assertExactlyOnce(job.id, n);
  });
});
