import { describe, expect, it } from "vitest";
import { makeBenchmarkRun, makeEpisodeTrajectory, makeProject, makeTaskSet } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { hasInterval } from "../stats";
import { getLeaderboard } from "./get-leaderboard";

const { db } = connectTestDb();

async function seed() {
  const { project } = await makeProject(db);
  const p = project.id;
  const { taskSet, tasks } = await makeTaskSet(db, p, [
    { externalId: "T1", category: "geo" },
    { externalId: "T2", category: "geo" },
    { externalId: "T3", category: "shop" },
    { externalId: "T4" },
  ]);
  const [t1, t2, t3, t4] = tasks.map((t) => t.id);
  const itl = await makeBenchmarkRun(db, p, { taskSetId: taskSet.id, strategy: "itl", name: "itl run" });
  const retried = crypto.randomUUID();
  // the first attempt of T1 errored; its re-run passed and is the one that counts
  await makeEpisodeTrajectory(db, p, { runId: itl.id, taskId: t1, reward: null, outcome: "error", episodeId: retried });
  const ep = (taskId: string, o: Partial<Parameters<typeof makeEpisodeTrajectory>[2]>) =>
    makeEpisodeTrajectory(db, p, { runId: itl.id, taskId, reward: null, outcome: null, ...o });
  await ep(t1, { reward: 1, outcome: "pass", turns: 3, peakContextTokens: 1000, durationMs: 100, episodeId: retried });
  await ep(t2, { reward: 0.5, outcome: "fail", turns: 2, peakContextTokens: 2000, durationMs: 200 });
  await ep(t3, { reward: null, outcome: "error", turns: 1, peakContextTokens: null, durationMs: 300 });
  await ep(t4, { reward: 1, outcome: "pass", turns: 2, peakContextTokens: 3000, durationMs: 400 });

  const eager = await makeBenchmarkRun(db, p, {
    taskSetId: taskSet.id,
    strategy: "eager",
    name: "eager run",
    policy: { name: "Qwen3 4B", model: "qwen3-4b" },
    checkpoint: "step-200",
  });
  await makeEpisodeTrajectory(db, p, {
    runId: eager.id,
    taskId: t1,
    reward: 1,
    outcome: "pass",
    peakContextTokens: 9000,
  });
  // finished but not judged yet
  await makeEpisodeTrajectory(db, p, {
    runId: eager.id,
    taskId: t2,
    reward: null,
    outcome: null,
    peakContextTokens: 9000,
  });
  const queued = await makeBenchmarkRun(db, p, { taskSetId: taskSet.id, strategy: "isl", status: "queued" });

  const other = await makeTaskSet(db, p, [{ externalId: "X1", category: "geo" }]);
  const elsewhere = await makeBenchmarkRun(db, p, { taskSetId: other.taskSet.id, strategy: "itl" });
  await makeEpisodeTrajectory(db, p, { runId: elsewhere.id, taskId: other.tasks[0].id, reward: 0, outcome: "fail" });
  return { p, taskSet, itl, eager, queued, other };
}

describe("getLeaderboard", () => {
  it("aggregates each run on the task set: errors count as 0, retries count once, unscored stay out", async () => {
    const s = await seed();
    const board = await getLeaderboard({ db, projectId: s.p, query: { taskSetId: s.taskSet.id } });
    expect(board.taskSet).toMatchObject({ id: s.taskSet.id, taskCount: 4 });
    expect(board.categories).toEqual(["geo", "shop"]);
    expect(board.rows.map((r) => r.runName)).toEqual(["itl run", "eager run", expect.any(String)]);

    const [itl, eager, queued] = board.rows;
    expect(itl).toMatchObject({
      strategy: "itl",
      episodes: 4,
      scored: 4,
      unscored: 0,
      errors: 1,
      passes: 2,
      meanReward: 0.625,
      passRate: 0.5,
      meanTurns: 2,
      meanPeakContextTokens: 2000,
      meanToolCalls: 1,
      meanDurationMs: 250,
      categories: [
        { category: "geo", n: 2, meanReward: 0.75 },
        { category: "shop", n: 1, meanReward: 0 },
      ],
    });
    if (!hasInterval(itl.interval)) throw new Error("the itl run has four scores: it needs an interval");
    expect(itl.interval.low).toBeGreaterThanOrEqual(0);
    expect(itl.interval.low).toBeLessThan(0.625);
    expect(itl.interval.high).toBeGreaterThan(0.625);
    expect(itl.interval.high).toBeLessThanOrEqual(1);

    expect(eager).toMatchObject({
      policyName: "Qwen3 4B",
      policyModel: "qwen3-4b",
      checkpoint: "step-200",
      episodes: 2,
      scored: 1,
      unscored: 1,
      meanReward: 1,
      passRate: 1,
      interval: { reason: "one scored episode: an interval needs at least two" },
      categories: [
        { category: "geo", n: 1, meanReward: 1 },
        { category: "shop", n: 0, meanReward: null },
      ],
    });
    expect(queued).toMatchObject({ episodes: 0, meanReward: null, passRate: null, paretoOptimal: false });
    expect(queued.interval).toEqual({ reason: "no scored episodes" });

    // itl: less context, less score; eager: more of both. Neither beats the other.
    expect(board.paretoFront).toEqual([s.itl.id, s.eager.id]);
    expect(itl.paretoOptimal && eager.paretoOptimal).toBe(true);

    // the same data, the same interval
    const again = await getLeaderboard({ db, projectId: s.p, query: { taskSetId: s.taskSet.id } });
    expect(again.rows[0].interval).toEqual(itl.interval);
  });

  it("lists the task sets that have runs and opens the latest one by default", async () => {
    const s = await seed();
    const board = await getLeaderboard({ db, projectId: s.p, query: {} });
    expect(board.taskSets.map((t) => [t.id, t.runCount])).toEqual([
      [s.other.taskSet.id, 1],
      [s.taskSet.id, 3],
    ]);
    expect(board.taskSet?.id).toBe(s.other.taskSet.id);
    expect(board.rows).toHaveLength(1);
    expect(board.rows[0]).toMatchObject({ meanReward: 0, passRate: 0, categories: [{ category: "geo", n: 1 }] });
  });

  it("is empty without benchmark runs, and refuses a task set of another project", async () => {
    const { project } = await makeProject(db);
    const board = await getLeaderboard({ db, projectId: project.id, query: {} });
    expect(board).toMatchObject({ taskSets: [], taskSet: null, rows: [], paretoFront: [] });
    const s = await seed();
    await expect(
      getLeaderboard({ db, projectId: project.id, query: { taskSetId: s.taskSet.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "taskSetId" });
  });
});
