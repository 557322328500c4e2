import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { artifacts, jobLogs, trajectories, trajectorySteps } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { importQuery } from "@/lib/imports/schemas";
import { getImport } from "@/lib/imports/server/get-import";
import { importPage } from "@/lib/imports/server/import-page";
import { planImport } from "@/lib/imports/server/plan-import";
import type { Source } from "@/lib/imports/server/read-records";
import { startImport } from "@/lib/imports/server/start-import";
import { episode, inspectLog, jsonl } from "@/lib/imports/test-samples";
import { getSenderBoss, stopSenderBoss } from "@/lib/jobs/server/boss";
import { cancelJob } from "@/lib/jobs/server/cancel-job";
import { launchJob } from "@/lib/jobs/server/launch-job";
import { retryJob } from "@/lib/jobs/server/retry-job";
import { getStorage } from "@/lib/storage/server/storage";
import { startWorker, type Worker } from "../main";
import { handlers } from "../registry";
import { isFinished, waitForJob } from "../test-support";

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

const upload = async (projectId: string, text: string, query: Record<string, string>) =>
  startImport({
    db,
    boss: await getSenderBoss(),
    projectId,
    by,
    body: Readable.from([Buffer.from(text)]),
    query: importQuery.parse(query),
  });

const rowsOf = async (projectId: string) =>
  (await db.select({ n: count() }).from(trajectories).where(eq(trajectories.projectId, projectId)))[0].n;

const episodes = (n: number, from = 0) => Array.from({ length: n }, (_, i) => episode(from + i));
const badLine = () => {
  const e = episode(9999);
  (e.messages[1] as { role: string }).role = "wizard";
  return e;
};

const textSource = (text: string): Source => {
  const buf = Buffer.from(text);
  return { size: buf.length, open: (r) => Readable.from([r ? buf.subarray(r.start, r.end) : buf]) };
};

describe("the import job", () => {
  it("valid-only: imports the good records in pages, skips the bad ones with their lines, and reports counts", async () => {
    const { project } = await makeProject(db);
    const lines = [...episodes(600), badLine(), "{oops", ...episodes(599, 600)];
    const job = await upload(project.id, jsonl(lines), { filename: "rollouts.jsonl", mode: "valid-only" });
    const done = await waitForJob(db, job.id, isFinished);
    expect(done.status).toBe("succeeded");
    expect(done.progressTotal).toBe(3); // 1201 records in pages of 500
    expect(done.result).toMatchObject({ records: 1201, created: 1199, exists: 0, invalid: 2, format: "jsonl" });
    const status = await getImport({ db, projectId: project.id, jobId: job.id });
    expect(status).toMatchObject({
      filename: "rollouts.jsonl",
      records: { done: 1201, total: 1201 },
      counts: { created: 1199, invalid: 2 },
    });
    expect(status.errors.map((e) => e.line)).toEqual([601, 602]);
    expect(status.errors[0].errors[0]).toMatchObject({ path: "messages.1.role" });
    expect(await rowsOf(project.id)).toBe(1199);
    const [row] = await db
      .select()
      .from(trajectories)
      .where(and(eq(trajectories.projectId, project.id), eq(trajectories.clientId, "rollout-7")));
    expect(row).toMatchObject({ taskRef: "q-7", outcome: "pass", reward: 1, stepCount: 5, jobId: job.id });
    expect(row.metadata).toMatchObject({ split: "train" });
  });

  it("all-or-nothing: one bad line fails the job at once with the report, and writes nothing", async () => {
    const { project } = await makeProject(db);
    const job = await upload(project.id, jsonl([...episodes(20), badLine()]), { filename: "r.jsonl" });
    const done = await waitForJob(db, job.id, isFinished);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^1 of 21 records are invalid; first: line 21: messages.1.role: .*Nothing was imported/);
    expect(done.result).toMatchObject({ records: 21, invalid: 1, errors: [{ index: 20, line: 21 }] });
    const logs = (await db.select().from(jobLogs).where(eq(jobLogs.jobId, job.id))).map((l) => l.message);
    expect(logs.filter((l) => l.startsWith("Planning failed"))).toHaveLength(1); // no retries of bad input
    expect(await rowsOf(project.id)).toBe(0);
    const status = await getImport({ db, projectId: project.id, jobId: job.id });
    expect(status).toMatchObject({ counts: { created: 0, invalid: 1 }, errors: [{ line: 21 }] });
  });

  it("re-importing the same file creates nothing new", async () => {
    const { project } = await makeProject(db);
    const file = jsonl(episodes(30));
    const first = await waitForJob(db, (await upload(project.id, file, { filename: "a.jsonl" })).id, isFinished);
    expect(first.result).toMatchObject({ created: 30, exists: 0 });
    const again = await waitForJob(db, (await upload(project.id, file, { filename: "a.jsonl" })).id, isFinished);
    expect(again.result).toMatchObject({ created: 0, exists: 30 });
    expect(await rowsOf(project.id)).toBe(30);
  });

  it("a page that runs again, after a crash or twice, creates no duplicates", async () => {
    const { project } = await makeProject(db);
    const source = textSource(jsonl(episodes(25)));
    const plan = await planImport({
      db,
      projectId: project.id,
      source,
      filename: "x.jsonl",
      mode: "all-or-nothing",
      pageSize: 10,
    });
    expect(plan.pages.map((p) => p.count)).toEqual([10, 10, 5]);
    const page = plan.pages[1];
    // killed mid-step: its transaction never commits
    await expect(
      db.transaction(async (tx) => {
        await importPage({ db: tx, projectId: project.id, source, page, mode: "all-or-nothing" });
        throw new Error("worker killed");
      }),
    ).rejects.toThrow("worker killed");
    expect(await rowsOf(project.id)).toBe(0);
    const run = () =>
      db.transaction((tx) => importPage({ db: tx, projectId: project.id, source, page, mode: "all-or-nothing" }));
    expect(await run()).toMatchObject({ records: 10, created: 10, exists: 0 });
    expect(await run()).toMatchObject({ records: 10, created: 0, exists: 10 });
    const ids = (
      await db.select({ c: trajectories.clientId }).from(trajectories).where(eq(trajectories.projectId, project.id))
    ).map((r) => r.c);
    expect(ids.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `rollout-${10 + i}`).sort());
  });

  it("all-or-nothing: a page that fails after others finished takes their rows back; a retry imports everything", async () => {
    const { project } = await makeProject(db);
    const step = handlers["trajectories.import"].step;
    const spy = vi.spyOn(handlers["trajectories.import"], "step").mockImplementation(async (ctx) => {
      if (ctx.index === 2) throw new Error("database went away");
      return step(ctx);
    });
    const job = await launchPaged(project.id, jsonl(episodes(25)), 10);
    const failed = await waitForJob(db, job.id, isFinished);
    spy.mockRestore();
    expect(failed.status).toBe("failed");
    expect(await rowsOf(project.id)).toBe(0);
    const logs = (await db.select().from(jobLogs).where(eq(jobLogs.jobId, job.id))).map((l) => l.message);
    expect(logs).toContain("Removed the 20 trajectories this import had written: all-or-nothing");
    await retryJob({ db, boss: await getSenderBoss(), projectId: project.id, jobId: job.id });
    const done = await waitForJob(db, job.id, isFinished);
    expect(done.status).toBe("succeeded");
    expect(done.result).toMatchObject({ created: 25, exists: 0 });
    expect(await rowsOf(project.id)).toBe(25);
  });

  it("all-or-nothing: a cancelled import leaves nothing behind", async () => {
    const { project } = await makeProject(db);
    const step = handlers["trajectories.import"].step;
    const spy = vi.spyOn(handlers["trajectories.import"], "step").mockImplementation(async (ctx) => {
      await new Promise((r) => setTimeout(r, 150));
      return step(ctx);
    });
    const job = await launchPaged(project.id, jsonl(episodes(60)), 10);
    await waitForJob(db, job.id, (j) => j.progressDone >= 2);
    await cancelJob({ db, projectId: project.id, jobId: job.id });
    const cancelled = await waitForJob(db, job.id, isFinished);
    spy.mockRestore();
    expect(cancelled.status).toBe("cancelled");
    expect(await rowsOf(project.id)).toBe(0);
  });

  it("reads JSON lists and Inspect logs page by page by their byte ranges", async () => {
    const { project } = await makeProject(db);
    const list = await launchPaged(project.id, JSON.stringify(episodes(25, 100), null, 2), 10, "list.json");
    expect((await waitForJob(db, list.id, isFinished)).result).toMatchObject({
      records: 25,
      created: 25,
      format: "json-array",
    });
    const samples = Array.from({ length: 23 }, (_, i) => ({ ...inspectLog.samples[i % 2], id: i + 1, uuid: `u-${i}` }));
    const log = await launchPaged(project.id, JSON.stringify({ ...inspectLog, samples }), 10, "log.json");
    const done = await waitForJob(db, log.id, isFinished);
    expect(done.result).toMatchObject({ records: 23, created: 23, format: "inspect-log" });
    const [row] = await db
      .select()
      .from(trajectories)
      .where(and(eq(trajectories.projectId, project.id), eq(trajectories.clientId, "inspect:u-22")));
    expect(row).toMatchObject({ policy: "openai/gpt-4o-mini", taskRef: "23", toolErrorCount: 0 });
    expect(row.metadata).toMatchObject({ taskSet: "browser", inspectTask: "browser" });
  });

  it("imports the real MCP-Atlas file as 10 reference trajectories", async () => {
    const { project } = await makeProject(db);
    const csv = fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8");
    const job = await upload(project.id, csv, { filename: "sample_tasks.csv" });
    expect((await waitForJob(db, job.id, isFinished)).result).toMatchObject({ records: 10, created: 10 });
    const steps = await db
      .select({ n: count() })
      .from(trajectorySteps)
      .innerJoin(trajectories, eq(trajectories.id, trajectorySteps.trajectoryId))
      .where(eq(trajectories.projectId, project.id));
    expect(steps[0].n).toBe(11 + 9 + 9 + 9 + 7 + 11 + 11 + 9 + 9 + 9);
  });

  it("refuses an upload whose format cannot be told, keeping nothing", async () => {
    const { project } = await makeProject(db);
    await expect(upload(project.id, "a,b\n1,2\n", { filename: "t.csv" })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "file",
    });
    await expect(upload(project.id, "", { filename: "t.jsonl" })).rejects.toMatchObject({ field: "body" });
  });

  it("refuses an upload past its limit", async () => {
    const { project } = await makeProject(db);
    await expect(
      startImport({
        db,
        boss: await getSenderBoss(),
        projectId: project.id,
        by,
        body: Readable.from([Buffer.from(jsonl(episodes(50)))]),
        query: importQuery.parse({ filename: "big.jsonl" }),
        limit: 1000,
      }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

/** The file stored as the upload would store it, and an import job with small pages on it. */
async function launchPaged(projectId: string, text: string, pageSize: number, filename = "paged.jsonl") {
  const key = `imports/${projectId}/${randomUUID()}/${filename}`;
  const { bytes } = await getStorage().write(key, text);
  const [artifact] = await db
    .insert(artifacts)
    .values({ projectId, kind: "import", key, filename, contentType: "application/octet-stream", bytes })
    .returning();
  return launchJob({
    db,
    boss: await getSenderBoss(),
    projectId,
    by,
    input: { type: "trajectories.import", payload: { artifactId: artifact.id, mode: "all-or-nothing", pageSize } },
  });
}
