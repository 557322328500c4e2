// A benchmark run whose worker process is killed (SIGKILL) in the middle of an episode: another
// worker takes the job over, the episode that had finished is not run again, and the one in
// flight runs again from the start with its partial trajectory replaced.
import type { ChildProcess } from "node:child_process";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { episodes, jobLogs, tasks, trajectories } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { getSenderBoss, stopSenderBoss } from "@/lib/jobs/server/boss";
import { createRun } from "@/lib/runs/server/create-run";
import { makeBench } from "@/lib/runs/test-bench";
import { delay } from "@/test/openai-test-server";
import { type OraclePolicy, oracleReply, startOraclePolicy } from "@/test/oracle-policy";
import { readOfflineTasks } from "@/toolspace/tasks/offline-tasks";
import { isFinished, startWorkerProcess, waitForJob } from "../test-support";

const { db } = connectTestDb();
const children: ChildProcess[] = [];
let oracle: OraclePolicy;
const offline = readOfflineTasks().tasks;

beforeAll(async () => {
  oracle = await startOraclePolicy(offline);
  // the second task answers slowly, so the kill lands while it runs
  const byPrompt = new Map(offline.map((t) => [t.prompt, t]));
  const slow = offline.find((t) => t.id === "OFF-02")?.prompt;
  oracle.setDefault((r) => {
    const reply = oracleReply(byPrompt, r.body);
    const first = r.body?.messages?.find((m) => m.role === "user")?.content;
    return first === slow ? delay(700, reply) : reply;
  });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await stopSenderBoss();
  await oracle?.close();
});

const episodeRows = (runId: string) =>
  db
    .select({ e: episodes, task: tasks.externalId })
    .from(episodes)
    .innerJoin(tasks, eq(tasks.id, episodes.taskId))
    .where(eq(episodes.runId, runId))
    .orderBy(asc(tasks.externalId));

it("resumes after a killed worker without running finished episodes again", async () => {
  const first = startWorkerProcess(children);
  await first.ready;
  const { project } = await makeProject(db);
  const bench = await makeBench(db, project.id, ["OFF-01", "OFF-02", "OFF-05"], oracle.url);
  const run = await createRun({
    db,
    boss: await getSenderBoss(),
    projectId: project.id,
    by: { userId: null, keyId: null },
    input: { policyId: bench.policy.id, taskSetId: bench.taskSet.id, strategy: "eager", concurrency: 1 },
  });

  // OFF-01 done, OFF-02 in flight with at least one stored step
  const end = Date.now() + 90_000;
  for (;;) {
    const rows = await episodeRows(run.id);
    const [a, b] = rows;
    if (a.e.status === "succeeded" && b.e.status === "running" && b.e.trajectoryId) {
      const [t] = await db.select().from(trajectories).where(eq(trajectories.id, b.e.trajectoryId));
      if (t && t.stepCount >= 2) break;
    }
    if (Date.now() > end) throw new Error(`never reached the kill point: ${JSON.stringify(rows.map((r) => r.e))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  first.child.kill("SIGKILL");
  await first.exited;
  const [partial] = await episodeRows(run.id).then((rows) => rows.slice(1, 2));
  const partialId = partial.e.trajectoryId;

  const second = startWorkerProcess(children);
  await second.ready;
  const job = await waitForJob(db, run.jobId as string, isFinished, 150_000);
  expect(job.status, job.error ?? "").toBe("succeeded");
  const rows = await episodeRows(run.id);
  expect(rows.map((r) => [r.task, r.e.status, r.e.attempts])).toEqual([
    ["OFF-01", "succeeded", 1],
    ["OFF-02", "succeeded", 2],
    ["OFF-05", "succeeded", 1],
  ]);
  // the partial trajectory was replaced: one trajectory per episode, the old row gone
  const stored = await db.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.runId, run.id));
  expect(stored).toHaveLength(3);
  expect(stored.map((t) => t.id)).not.toContain(partialId);
  const logs = await db
    .select({ message: jobLogs.message })
    .from(jobLogs)
    .where(and(eq(jobLogs.jobId, run.jobId as string)));
  expect(logs.some((l) => l.message.includes("OFF-02 sample 1 was running on a worker that stopped"))).toBe(true);
  second.child.kill("SIGTERM");
  await second.exited;
}, 240_000);
