// Judging runs end to end through their routes and a real worker and judge server: progress and
// counts, scores written for the viewer, a second run served from the cache, a step that dies
// half-way resumed without asking the judge again, and bad input refused before anything starts.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Job, judgingRuns, judgments, scores } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { stopSenderBoss } from "@/lib/jobs/server/boss";
import { addJudge } from "@/lib/judges/server/add-judge";
import type { JudgingResults, JudgingRunView } from "@/lib/judging/schemas";
import { makeRubric, modelCriterion, programCriteria, storeEpisodes, weatherEpisode } from "@/lib/judging/test-samples";
import { answer, type OpenAITestServer, startOpenAITestServer } from "@/test/openai-test-server";
import { judgingRun } from "@/workers/handlers/judging-run";
import { startWorker, type Worker } from "@/workers/main";
import { isFinished, waitForJob } from "@/workers/test-support";
import { GET as getResults } from "./[runId]/results/route";
import { GET as getRun } from "./[runId]/route";
import { POST as startRun } from "./route";

const { db } = connectTestDb();
let worker: Worker;
let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer({ fallback: answer(1, "names a temperature", [3]) });
  worker = await startWorker(process.env.DATABASE_URL!, () => {});
});
afterAll(async () => {
  await worker.stop(false);
  await stopSenderBoss();
  await server.close();
});

async function setup(n = 3) {
  const { project } = await makeProject(db);
  const version = await makeRubric(db, project.id, [...programCriteria, modelCriterion], {
    rule: "coverage-pass",
    threshold: 0.75,
  });
  const judge = await addJudge({
    db,
    projectId: project.id,
    input: { name: "test judge", kind: "model", config: { baseUrl: server.url, model: "judge", maxRetries: 0 } },
  });
  const ids = await storeEpisodes(
    db,
    project.id,
    Array.from({ length: n }, (_, i) => weatherEpisode(i)),
  );
  const { key } = await createApiKey({
    db,
    projectId: project.id,
    userId: null,
    input: { name: "runner", scopes: ["read", "run"] },
  });
  return { projectId: project.id, version, judge, ids, key };
}

const req = (key: string, url: string, body?: unknown) =>
  new Request(`http://studio.test${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

async function run(key: string, projectId: string, body: unknown) {
  const res = await startRun(req(key, `/api/v1/projects/${projectId}/judging-runs`, body), ctx({ projectId }));
  expect(res.status).toBe(202);
  const started = (await res.json()) as JudgingRunView;
  await waitForJob(db, started.jobId as string, isFinished);
  const view = (await (
    await getRun(
      req(key, `/api/v1/projects/${projectId}/judging-runs/${started.id}`),
      ctx({ projectId, runId: started.id }),
    )
  ).json()) as JudgingRunView;
  const results = (await (
    await getResults(
      req(key, `/api/v1/projects/${projectId}/judging-runs/${started.id}/results`),
      ctx({ projectId, runId: started.id }),
    )
  ).json()) as JudgingResults;
  return { view, results };
}

const scoreRows = async (projectId: string) =>
  (
    await db
      .select({ n: count() })
      .from(scores)
      .where(and(eq(scores.projectId, projectId), eq(scores.source, "judge")))
  )[0].n;

describe("judging runs", () => {
  it("judge trajectories as a job, write their scores, and serve a second run from the cache", async () => {
    const { projectId, version, judge, ids, key } = await setup();
    server.reset();
    const first = await run(key, projectId, { rubricVersionId: version.id, judgeId: judge.id, trajectoryIds: ids });
    expect(first.view).toMatchObject({
      status: "succeeded",
      trajectoryCount: 3,
      counts: { total: 12, cached: 0, judged: 12, errors: 0 },
      judge: { id: judge.id, name: "test judge", kind: "model" },
    });
    expect(first.view.progress?.done).toBe(first.view.progress?.total);
    expect(first.view.finishedAt).not.toBeNull();
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0].prompt).toContain("What is the weather in city");
    const r = first.results;
    expect(r.total).toBe(3);
    expect(r.rewardMean).toBe(1);
    expect(r.passRate).toBe(1);
    expect(r.criteria.find((c) => c.id === "helpful")).toMatchObject({
      verifier: "model",
      mean: 1,
      judged: 3,
      notJudged: 0,
    });
    expect(r.items[0]).toMatchObject({ trajectoryId: ids[0], reward: 1, passed: true, pending: false });
    expect(r.items[0].criteria[3]).toMatchObject({ rationale: "names a temperature", evidence: [3], cached: false });
    // one score per criterion and one for the reward, per trajectory
    expect(await scoreRows(projectId)).toBe(15);

    const second = await run(key, projectId, { rubricVersionId: version.id, judgeId: judge.id, trajectoryIds: ids });
    expect(second.view.counts).toEqual({ total: 12, cached: 12, judged: 0, errors: 0 });
    expect(server.requests).toHaveLength(3);
    expect(second.results.items.every((i) => i.criteria.every((c) => c.cached))).toBe(true);
    expect(await scoreRows(projectId)).toBe(15);
  });

  it("leaves model criteria not judged without a judge, and takes every trajectory of a task", async () => {
    const { projectId, version, key } = await setup(3);
    const { view, results } = await run(key, projectId, { rubricVersionId: version.id, taskRef: "weather-task-0" });
    expect(view.judge).toBeNull();
    expect(view.counts.total).toBe(view.trajectoryCount * 3);
    expect(results.criteria.find((c) => c.id === "helpful")).toMatchObject({ mean: null, judged: 0, errors: 0 });
    expect(results.items[0].notJudged).toEqual(["helpful"]);
    expect(results.items[0].criteria[3].error).toBe("not judged: no model judge chosen");
  });

  it("resume a page whose step died half-way without asking the judge again", async () => {
    const { projectId, version, judge, ids } = await setup(4);
    const [row] = await db
      .insert(judgingRuns)
      .values({
        projectId,
        rubricVersionId: version.id,
        judgeId: judge.id,
        judgeKey: judge.key,
        judgeSnapshot: { id: judge.id, name: judge.name, kind: "model" },
        trajectoryIds: ids,
        total: 16,
      })
      .returning();
    const job = { id: crypto.randomUUID(), projectId } as Job;
    const base = { job, payload: { judgingRunId: row.id }, signal: new AbortController().signal, log: async () => {} };
    const plan = await judgingRun.plan({ ...base, db });
    expect(plan.steps).toHaveLength(1);
    server.reset();
    // the step's transaction never commits, as when its worker is killed
    await expect(
      db.transaction(async (tx) => {
        await judgingRun.step({ ...base, db: tx, index: 0, step: plan.steps[0] });
        throw new Error("worker killed");
      }),
    ).rejects.toThrow("worker killed");
    expect(server.requests).toHaveLength(4);
    const [untouched] = await db.select().from(judgingRuns).where(eq(judgingRuns.id, row.id));
    expect(untouched).toMatchObject({ cached: 0, judged: 0 });
    expect(await scoreRows(projectId)).toBe(0);
    const kept = await db.select({ n: count() }).from(judgments).where(eq(judgments.rubricVersionId, version.id));
    expect(kept[0].n).toBe(16);

    await db.transaction((tx) => judgingRun.step({ ...base, db: tx, index: 0, step: plan.steps[0] }));
    expect(server.requests).toHaveLength(4);
    const [resumed] = await db.select().from(judgingRuns).where(eq(judgingRuns.id, row.id));
    expect(resumed).toMatchObject({ cached: 16, judged: 0, errors: 0 });
    expect(await scoreRows(projectId)).toBe(20);
  });

  it("refuse bad input with a 400 naming the field, starting nothing", async () => {
    const { projectId, version, ids, key } = await setup(2);
    const other = await setup(1);
    const post = (body: unknown) =>
      startRun(req(key, `/api/v1/projects/${projectId}/judging-runs`, body), ctx({ projectId }));
    const cases: [unknown, string][] = [
      [{ rubricVersionId: other.version.id, trajectoryIds: ids }, "rubricVersionId"],
      [{ rubricVersionId: version.id, judgeId: other.judge.id, trajectoryIds: ids }, "judgeId"],
      [{ rubricVersionId: version.id, trajectoryIds: [ids[0], other.ids[0]] }, "trajectoryIds.1"],
      [{ rubricVersionId: version.id, trajectoryIds: ["nope"] }, "trajectoryIds.0"],
      [{ rubricVersionId: version.id }, "trajectoryIds"],
      [{ rubricVersionId: version.id, trajectoryIds: ids, taskRef: "x" }, "trajectoryIds"],
      [{ rubricVersionId: version.id, runId: crypto.randomUUID() }, "runId"],
      [{ rubricVersionId: version.id, taskRef: "no-such-task" }, "taskRef"],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, field).toBe(400);
      expect((await res.json()).error.field, field).toBe(field);
    }
    const readKey = await createApiKey({ db, projectId, userId: null, input: { name: "reader", scopes: ["read"] } });
    const refused = await startRun(
      req(readKey.key, `/api/v1/projects/${projectId}/judging-runs`, {
        rubricVersionId: version.id,
        trajectoryIds: ids,
      }),
      ctx({ projectId }),
    );
    expect(refused.status).toBe(403);
    const runs = await db.select({ n: count() }).from(judgingRuns).where(eq(judgingRuns.projectId, projectId));
    expect(runs[0].n).toBe(0);
  });
});
