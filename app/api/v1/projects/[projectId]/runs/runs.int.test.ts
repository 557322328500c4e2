// Benchmark runs through their routes and a real worker: bundled MCP servers as stdio processes,
// a scripted policy over HTTP that solves the offline tasks, program-check rubrics. Bad input is
// refused naming the field; a run judges its episodes; failed episodes re-run alone; cancel stops
// a run at once and resume finishes it.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { episodes, runs, scores, trajectorySteps } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { stopSenderBoss } from "@/lib/jobs/server/boss";
import type { RunDetail } from "@/lib/runs/schemas";
import { makeBench } from "@/lib/runs/test-bench";
import { hang, status } from "@/test/openai-test-server";
import { type OraclePolicy, startOraclePolicy } from "@/test/oracle-policy";
import { readOfflineTasks } from "@/toolspace/tasks/offline-tasks";
import { startWorker, type Worker } from "@/workers/main";
import { isFinished, waitForJob } from "@/workers/test-support";
import { POST as cancel } from "./[runId]/cancel/route";
import { POST as rerunFailed } from "./[runId]/rerun-failed/route";
import { POST as resume } from "./[runId]/resume/route";
import { GET as getRun } from "./[runId]/route";
import { POST as createRun, GET as listRuns } from "./route";

const { db } = connectTestDb();
let worker: Worker;
let oracle: OraclePolicy;

beforeAll(async () => {
  oracle = await startOraclePolicy(readOfflineTasks().tasks);
  worker = await startWorker(process.env.DATABASE_URL!, () => {});
});
afterAll(async () => {
  await worker?.stop(false);
  await stopSenderBoss();
  await oracle?.close();
});

const req = (key: string, url: string, body?: unknown) =>
  new Request(`http://studio.test${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

async function setup(taskIds = ["OFF-01", "OFF-02"]) {
  const { project } = await makeProject(db);
  const bench = await makeBench(db, project.id, taskIds, oracle.url);
  const { key } = await createApiKey({
    db,
    projectId: project.id,
    userId: null,
    input: { name: "runner", scopes: ["read", "run"] },
  });
  const base = `/api/v1/projects/${project.id}/runs`;
  const post = (path: string, body: unknown = {}, params: Record<string, string> = {}) => {
    const handler = { "": createRun, "/cancel": cancel, "/rerun-failed": rerunFailed, "/resume": resume }[
      path.replace(/^\/[0-9a-f-]{36}/, "")
    ] as (r: Request, c: unknown) => Promise<Response>;
    return handler(req(key, `${base}${path}`, body), ctx({ projectId: project.id, ...params }));
  };
  const read = async (runId: string) =>
    (await (await getRun(req(key, `${base}/${runId}`), ctx({ projectId: project.id, runId }))).json()) as RunDetail;
  const start = async (body: Record<string, unknown> = {}) => {
    const res = await post("", {
      policyId: bench.policy.id,
      taskSetId: bench.taskSet.id,
      strategy: "eager",
      concurrency: 2,
      ...body,
    });
    expect(res.status, await res.clone().text()).toBe(202);
    return (await res.json()) as RunDetail;
  };
  return { projectId: project.id, bench, key, base, post, read, start };
}

const finish = async (run: { jobId: string | null }) => waitForJob(db, run.jobId as string, isFinished, 120_000);

describe("creating a run", () => {
  it("refuses bad input naming the field, and writes nothing", async () => {
    const s = await setup(["OFF-01"]);
    const good = { policyId: s.bench.policy.id, taskSetId: s.bench.taskSet.id, strategy: "itl" };
    const cases: [Record<string, unknown>, string][] = [
      [{ policyId: crypto.randomUUID() }, "policyId"],
      [{ policyId: "nope" }, "policyId"],
      [{ taskSetId: crypto.randomUUID() }, "taskSetId"],
      [{ toolspaceId: crypto.randomUUID() }, "toolspaceId"],
      [{ strategy: "lazy" }, "strategy"],
      [{ promptVersionId: crypto.randomUUID() }, "promptVersionId"],
      [{ rubric: { mode: "version", rubricVersionId: crypto.randomUUID() } }, "rubric.rubricVersionId"],
      [{ rubric: { mode: "other" } }, "rubric.mode"],
      [{ judgeId: crypto.randomUUID() }, "judgeId"],
      [{ samples: 0 }, "samples"],
      [{ samples: 17 }, "samples"],
      [{ concurrency: 33 }, "concurrency"],
      [{ limits: { maxTurns: 0 } }, "limits.maxTurns"],
      [{ taskLimit: 0 }, "taskLimit"],
      [{ retrieval: { kind: "embedding", modelDir: "/nonexistent/model" } }, "retrieval.modelDir"],
      [{ retrieval: { kind: "embedding" } }, "retrieval.modelDir"],
    ];
    for (const [patch, field] of cases) {
      const res = await s.post("", { ...good, ...patch });
      const body = (await res.json()) as { error: { field?: string; message: string } };
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(body.error.field, JSON.stringify(body)).toBe(field);
    }
    const [{ n }] = await db.select({ n: count() }).from(runs).where(eq(runs.projectId, s.projectId));
    expect(n).toBe(0);
  });
});

describe("a benchmark run", () => {
  it("runs every episode against the bundled servers, stores it step by step and judges it", async () => {
    const s = await setup();
    const started = await s.start({ samples: 1 });
    expect(started.episodes).toBe(2);
    expect(started.episodeList.map((e) => e.task)).toEqual(["OFF-01", "OFF-02"]);
    const job = await finish(started);
    expect(job.status, job.error ?? "").toBe("succeeded");
    const run = await s.read(started.id);
    expect(run.status).toBe("succeeded");
    expect(run.counts).toMatchObject({ succeeded: 2, failed: 0, queued: 0, running: 0 });
    for (const e of run.episodeList) {
      expect(e.trajectoryId).not.toBeNull();
      expect(e.outcome, `${e.task}: ${e.stopReason}`).toBe("pass");
      expect(e.reward).toBe(1);
      expect(e.turns).toBeGreaterThanOrEqual(2);
      expect(e.toolCalls).toBe(2);
      expect(e.peakContextTokens).toBeGreaterThan(0);
      const steps = await db
        .select()
        .from(trajectorySteps)
        .where(eq(trajectorySteps.trajectoryId, e.trajectoryId as string));
      expect(steps.every((st) => st.context !== null && st.tokens !== null)).toBe(true);
      const [{ n }] = await db
        .select({ n: count() })
        .from(scores)
        .where(eq(scores.trajectoryId, e.trajectoryId as string));
      expect(n).toBeGreaterThan(1);
    }
    expect(run.meanReward).toBe(1);
    const list = (await (await listRuns(req(s.key, s.base), ctx({ projectId: s.projectId }))).json()) as {
      items: RunDetail[];
    };
    expect(list.items.map((r) => r.id)).toEqual([run.id]);
  }, 180_000);

  it("re-runs only the failed episodes", async () => {
    const s = await setup(["OFF-01"]);
    oracle.setDefault(status(400));
    const started = await s.start({ samples: 2 });
    await finish(started);
    oracle.solve();
    const failed = await s.read(started.id);
    expect(failed.counts.failed).toBe(2);
    expect(failed.episodeList.every((e) => e.error && e.outcome === "error")).toBe(true);
    const again = await s.post(`/${started.id}/rerun-failed`, {}, { runId: started.id });
    expect(again.status).toBe(202);
    const relaunched = (await again.json()) as RunDetail;
    expect(relaunched.jobId).not.toBe(started.jobId);
    await finish(relaunched);
    const done = await s.read(started.id);
    expect(done.counts.succeeded).toBe(2);
    expect(done.episodeList.map((e) => e.attempts)).toEqual([2, 2]);
    // nothing left to re-run
    expect((await s.post(`/${started.id}/rerun-failed`, {}, { runId: started.id })).status).toBe(409);
  }, 180_000);

  it("cancel stops the episodes in flight at once; resume finishes the rest", async () => {
    const s = await setup(["OFF-01", "OFF-02"]);
    oracle.setDefault(hang);
    const started = await s.start({ concurrency: 1 });
    await waitFor(async () => (await s.read(started.id)).counts.running === 1);
    const t0 = Date.now();
    const res = await s.post(`/${started.id}/cancel`, {}, { runId: started.id });
    expect(res.status).toBe(200);
    const job = await finish(started);
    expect(job.status).toBe("cancelled");
    expect(Date.now() - t0).toBeLessThan(8_000);
    const cancelled = await s.read(started.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.counts.cancelled).toBe(2);
    oracle.solve();
    const resumed = (await (await s.post(`/${started.id}/resume`, {}, { runId: started.id })).json()) as RunDetail;
    await finish(resumed);
    const done = await s.read(started.id);
    expect(done.counts.succeeded).toBe(2);
    const rows = await db
      .select()
      .from(episodes)
      .where(and(eq(episodes.runId, started.id), eq(episodes.status, "succeeded")));
    expect(rows).toHaveLength(2);
  }, 180_000);
});

async function waitFor(check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
