import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { labels, runs, taskSets, tasks, trajectories } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { AppError } from "@/lib/errors";
import { type TrajectoryListParams, type TrajectoryRow, trajectoryListQuery, trajectorySortKeys } from "../schemas";
import { ingestTrajectories, validateRecords } from "./ingest-trajectories";
import { countWithin, listTrajectories } from "./list-trajectories";
import { listTrajectoryFacets } from "./list-trajectory-facets";

const { db } = connectTestDb();

type Spec = {
  id: string;
  task?: string;
  policy?: string;
  strategy?: string;
  outcome?: "pass" | "partial" | "fail" | "error";
  reward?: number;
  runId?: string;
  /** tool calls; a name ending in ! fails */
  calls?: string[];
  latencyMs?: number;
  text: string;
};

const episode = (s: Spec) => ({
  id: s.id,
  ...(s.task ? { task: { id: s.task } } : {}),
  ...(s.policy ? { policy: { name: s.policy } } : {}),
  ...(s.strategy ? { loadingStrategy: s.strategy } : {}),
  ...(s.runId ? { runId: s.runId } : {}),
  outcome: s.outcome,
  reward: s.reward,
  contextLimit: 32768,
  steps: [
    { message: { role: "user", content: s.text } },
    ...(s.calls ?? []).flatMap((c, i) => [
      {
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: `c${i}`, type: "function", function: { name: c.replace("!", ""), arguments: "{}" } }],
        },
        ...(s.latencyMs ? { latencyMs: s.latencyMs } : {}),
      },
      {
        message: { role: "tool", tool_call_id: `c${i}`, content: c.endsWith("!") ? "upstream timeout" : "ok" },
        ...(c.endsWith("!") ? { error: "tool failed" } : {}),
      },
    ]),
    { message: { role: "assistant", content: "Done." } },
  ],
});

let projectId: string;
let runA: string;
let runB: string;
let taskT1: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { project } = await makeProject(db);
  projectId = project.id;
  const made = await db
    .insert(runs)
    .values([
      { projectId, kind: "benchmark", name: "baseline" },
      { projectId, kind: "training", name: "grpo step 200" },
    ])
    .returning();
  [runA, runB] = made.map((r) => r.id);
  const [set] = await db.insert(taskSets).values({ projectId, name: "weather" }).returning();
  [{ id: taskT1 }] = await db
    .insert(tasks)
    .values({ projectId, taskSetId: set.id, externalId: "t-1", prompt: "Weather" })
    .returning();
  const specs: Spec[] = [
    {
      id: "a",
      runId: runA,
      task: "t-1",
      policy: "qwen3-4b",
      strategy: "itl",
      outcome: "pass",
      reward: 1,
      calls: ["weather_get", "search_web"],
      latencyMs: 600,
      text: "What is the weather forecast for Paris tomorrow?",
    },
    {
      id: "b",
      runId: runA,
      task: "t-1",
      policy: "qwen3-4b",
      strategy: "eager",
      outcome: "fail",
      // not exact in binary: a cursor must carry it without losing digits
      reward: 7 / 205,
      calls: ["weather_get!"],
      latencyMs: 300,
      text: "Book train tickets to Berlin",
    },
    {
      id: "c",
      runId: runB,
      task: "t-2",
      policy: "gpt-4o-mini",
      strategy: "itl",
      outcome: "partial",
      reward: 0.5,
      calls: ["search_web", "calendar_add"],
      text: "Schedule a meeting in Paris with the team",
    },
    { id: "d", task: "t-3", policy: "gpt-4o-mini", text: "Hello there" },
    {
      id: "e",
      runId: runB,
      task: "t-2",
      policy: "gpt-4o-mini",
      strategy: "itl",
      outcome: "error",
      reward: 0.5,
      calls: ["calendar_add!", "calendar_add!"],
      latencyMs: 2500,
      text: "Cancel my dentist appointment",
    },
    {
      id: "f",
      task: "t-1",
      policy: "qwen3-4b",
      strategy: "itl",
      outcome: "pass",
      reward: 0.75,
      calls: ["weather_get", "search_web", "calendar_add"],
      latencyMs: 100,
      text: "Weather in Lyon, then add an umbrella reminder",
    },
  ];
  const res = await ingestTrajectories({ db, projectId, items: validateRecords(specs.map(episode)) });
  for (const r of res) {
    if (r.status !== "created") throw new Error(JSON.stringify(r));
    ids[r.clientId] = r.id;
  }
  // a, b, c a second apart; d, e, f one microsecond apart (a JS Date would tie them)
  for (const [k, at] of Object.entries({
    a: "2026-01-01T00:00:01Z",
    b: "2026-01-01T00:00:02Z",
    c: "2026-01-01T00:00:03Z",
    d: "2026-01-01T00:00:04.000001Z",
    e: "2026-01-01T00:00:04.000002Z",
    f: "2026-01-01T00:00:04.000003Z",
  }))
    await db
      .update(trajectories)
      .set({ createdAt: sql`${at}::timestamptz` })
      .where(eq(trajectories.id, ids[k]));
  await db.insert(labels).values([
    { projectId, trajectoryId: ids.a, key: "correct", value: true },
    { projectId, trajectoryId: ids.a, stepIndex: 1, key: "good call", value: true },
    { projectId, trajectoryId: ids.c, key: "correct", value: false },
  ]);
});

const list = (params: TrajectoryListParams) =>
  listTrajectories({ db, projectId, query: trajectoryListQuery.parse(params) });
const clientIds = (rows: TrajectoryRow[]) => rows.map((r) => r.clientId).sort();

describe("listTrajectories filters", () => {
  // ids of runs and tasks exist only once beforeAll has run: those cases are functions
  const cases: [string, TrajectoryListParams | (() => TrajectoryListParams), string[]][] = [
    ["no filter", {}, ["a", "b", "c", "d", "e", "f"]],
    ["run", () => ({ runId: runA }), ["a", "b"]],
    ["task by its id in the benchmark", { task: "t-2" }, ["c", "e"]],
    ["task by the project's task UUID", () => ({ task: taskT1 }), ["a", "b", "f"]],
    ["one outcome", { outcome: "pass" }, ["a", "f"]],
    ["outcomes with none", { outcome: "fail,none" }, ["b", "d"]],
    ["reward min", { rewardMin: 0.75 }, ["a", "f"]],
    ["reward max", { rewardMax: 0.5 }, ["b", "c", "e"]],
    ["reward range", { rewardMin: 0.5, rewardMax: 0.75 }, ["c", "e", "f"]],
    ["one tool", { tools: "calendar_add" }, ["c", "e", "f"]],
    ["every tool named", { tools: "weather_get,search_web" }, ["a", "f"]],
    ["a tool nobody used", { tools: "weather_get,nope" }, []],
    ["tool errors", { toolErrors: "yes" }, ["b", "e"]],
    ["no tool errors", { toolErrors: "no" }, ["a", "c", "d", "f"]],
    ["labeled", { labels: "labeled" }, ["a", "c"]],
    ["unlabeled", { labels: "unlabeled" }, ["b", "d", "e", "f"]],
    ["policy", { policy: "gpt-4o-mini" }, ["c", "d", "e"]],
    ["loading strategy", { strategy: "itl" }, ["a", "c", "e", "f"]],
    ["full text, stemmed", { q: "meetings" }, ["c"]],
    ["full text, words anywhere", { q: "paris" }, ["a", "c"]],
    ["full text, web syntax", { q: "paris -meeting" }, ["a"]],
    ["full text, phrase", { q: '"train tickets"' }, ["b"]],
    ["full text over tool output", { q: "timeout" }, ["b", "e"]],
    ["filters combine", { policy: "qwen3-4b", outcome: "pass", tools: "calendar_add" }, ["f"]],
  ];
  for (const [name, params, want] of cases)
    it(name, async () => {
      const page = await list(typeof params === "function" ? params() : params);
      expect(clientIds(page.items)).toEqual(want);
      expect(page.total).toBe(want.length);
    });

  it("answers each row with its run, counts, context and labels", async () => {
    const { items } = await list({ runId: runA });
    const a = items.find((r) => r.clientId === "a");
    expect(a).toMatchObject({
      id: ids.a,
      runId: runA,
      runName: "baseline",
      taskRef: "t-1",
      taskId: taskT1,
      policy: "qwen3-4b",
      loadingStrategy: "itl",
      outcome: "pass",
      reward: 1,
      stepCount: 6,
      toolCallCount: 2,
      toolErrorCount: 0,
      contextLimit: 32768,
      durationMs: 1200,
      labelCount: 2,
      createdAt: "2026-01-01T00:00:01.000Z",
      summary: "What is the weather forecast for Paris tomorrow?",
    });
    expect(a?.peakContextTokens).toBeGreaterThan(10);
    const d = (await list({ policy: "gpt-4o-mini", outcome: "none" })).items[0];
    expect(d).toMatchObject({ clientId: "d", runId: null, runName: null, reward: null, durationMs: null });
  });

  it("refuses bad filters naming the field", () => {
    const field = (p: object) => trajectoryListQuery.safeParse(p).error?.issues[0].path.join(".");
    expect(field({ rewardMin: "0.9", rewardMax: "0.1" })).toBe("rewardMin");
    expect(field({ outcome: "pass,won" })).toBe("outcome");
    expect(field({ toolErrors: "maybe" })).toBe("toolErrors");
    expect(field({ runId: "run-1" })).toBe("runId");
    expect(field({ limit: "201" })).toBe("limit");
    expect(field({ sort: "-summary" })).toBe("sort");
  });
});

// The order a sort promises, written the plain way: nulls last either way, ties by id.
async function expectedOrder(key: string, desc: boolean) {
  const col = sql.identifier(key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  const dir = sql.raw(desc ? "desc" : "asc");
  const rows = await db.execute<{ client_id: string }>(
    sql`select client_id from trajectories where project_id = ${projectId} order by ${col} ${dir} nulls last, id ${dir}`,
  );
  return rows.map((r) => r.client_id);
}

describe("listTrajectories sorts and pages", () => {
  // `q` ("done" is in every episode) reads a search's matches in one sorted statement, not
  // index-ordered segments: both ways must give the same order and pages
  for (const search of [{}, { q: "done" }])
    for (const key of trajectorySortKeys)
      for (const sort of [key, `-${key}`]) {
        it(`${sort}${search.q ? " with a search" : ""}: in order, and the same rows page by page both ways`, async () => {
          const by = { ...search, sort: sort as TrajectoryListParams["sort"] };
          const want = await expectedOrder(key, sort.startsWith("-"));
          const whole = await list(by);
          expect(whole.items.map((r) => r.clientId)).toEqual(want);
          expect(whole.nextCursor).toBeNull();
          expect(whole.prevCursor).toBeNull();

          const pages: string[][] = [];
          let page = await list({ ...by, limit: 3 });
          for (;;) {
            pages.push(page.items.map((r) => r.clientId as string));
            expect(page.total).toBe(6);
            if (!page.nextCursor) break;
            page = await list({ ...by, limit: 2, cursor: page.nextCursor });
          }
          expect(pages.flat()).toEqual(want);
          // back from the last page to the first, two at a time
          const back: string[][] = [page.items.map((r) => r.clientId as string)];
          while (page.prevCursor) {
            page = await list({ ...by, limit: 2, cursor: page.prevCursor });
            back.unshift(page.items.map((r) => r.clientId as string));
          }
          expect(back.flat()).toEqual(want);
          expect(back[0]).toEqual(want.slice(0, back[0].length));
        });
      }

  it("keeps a filter while paging, and refuses a cursor of another sort or a forged one", async () => {
    const first = await list({ sort: "-reward", outcome: "pass,partial,error", limit: 2 });
    expect(first.items.map((r) => r.clientId)).toEqual(["a", "f"]);
    const second = await list({ sort: "-reward", outcome: "pass,partial,error", limit: 2, cursor: first.nextCursor! });
    expect(clientIds(second.items)).toEqual(["c", "e"]);
    expect(second.nextCursor).toBeNull();
    await expect(list({ sort: "reward", cursor: first.nextCursor! })).rejects.toMatchObject({
      code: "VALIDATION",
      field: "cursor",
    });
    await expect(list({ cursor: "bm9wZQ" })).rejects.toBeInstanceOf(AppError);
    const forged = Buffer.from(JSON.stringify(["-createdAt", "1; drop table x", ids.a, "after"])).toString("base64url");
    await expect(list({ cursor: forged })).rejects.toMatchObject({ field: "cursor" });
  });

  it("gives up a count past its budget, and counts within it", async () => {
    const slow = sql`(select pg_sleep(0.3)) is not null and ${trajectories.projectId} = ${projectId}`;
    expect(await countWithin(db, slow, undefined, 50)).toBeNull();
    expect(await countWithin(db, sql`${trajectories.projectId} = ${projectId}`, "paris", 5000)).toBe(6);
  });

  it("never shows another project's trajectories", async () => {
    const { project } = await makeProject(db);
    const page = await listTrajectories({ db, projectId: project.id, query: trajectoryListQuery.parse({}) });
    expect(page).toEqual({ items: [], total: 0, nextCursor: null, prevCursor: null });
  });
});

describe("listTrajectoryFacets", () => {
  it("counts runs, tasks, tools, policies, strategies and outcomes", async () => {
    const f = await listTrajectoryFacets({ db, projectId });
    expect(f.total).toBe(6);
    expect(f.runs).toEqual([
      { id: runA, name: "baseline", count: 2 },
      { id: runB, name: "grpo step 200", count: 2 },
    ]);
    expect(f.tasks).toEqual([
      { value: "t-1", count: 3 },
      { value: "t-2", count: 2 },
      { value: "t-3", count: 1 },
    ]);
    expect(f.tools).toEqual([
      { value: "calendar_add", count: 3 },
      { value: "search_web", count: 3 },
      { value: "weather_get", count: 3 },
    ]);
    expect(f.policies).toEqual([
      { value: "gpt-4o-mini", count: 3 },
      { value: "qwen3-4b", count: 3 },
    ]);
    expect(f.strategies).toEqual([
      { value: "itl", count: 4 },
      { value: "eager", count: 1 },
    ]);
    expect(f.outcomes).toEqual([
      { value: "pass", count: 2 },
      { value: "partial", count: 1 },
      { value: "fail", count: 1 },
      { value: "error", count: 1 },
      { value: "none", count: 1 },
    ]);
    expect(f.labeled).toBe(2);
    expect(f.reward).toEqual({ min: 7 / 205, max: 1 });
  });
});
