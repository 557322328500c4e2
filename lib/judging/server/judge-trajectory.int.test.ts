import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { judgments, scores } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import {
  countingJudge,
  makeRubric,
  modelCriterion,
  programCriteria,
  storeEpisodes,
  weatherEpisode,
} from "../test-samples";
import { getJudgingResults } from "./get-judging-results";
import { judgeNow } from "./judge-now";
import { judgeItems } from "./judge-trajectory";
import { loadRubricVersion } from "./load-rubric";
import { loadTrajectories } from "./load-trajectories";

const { db } = connectTestDb();

async function setup(criteria = programCriteria, n = 3) {
  const { project } = await makeProject(db);
  const version = await makeRubric(db, project.id, criteria);
  const ids = await storeEpisodes(db, project.id, [
    ...Array.from({ length: n - 1 }, (_, i) => weatherEpisode(i)),
    weatherEpisode(99, { broken: true }),
  ]);
  const rubric = await loadRubricVersion(db, project.id, version.id);
  const items = await loadTrajectories(db, project.id, ids);
  return { projectId: project.id, rubric, items, ids };
}

const cachedRows = async (rubricVersionId: string) =>
  (await db.select({ n: count() }).from(judgments).where(eq(judgments.rubricVersionId, rubricVersionId)))[0].n;

describe("the judging engine", () => {
  it("scores a program-only rubric with no judge, then serves it all from the cache", async () => {
    const { projectId, rubric, items } = await setup();
    const first = await judgeItems({ db, projectId, rubric, judge: null, items });
    expect(first.counts).toEqual({ total: 9, cached: 0, judged: 9, errors: 0 });
    expect(first.outcomes[0]).toMatchObject({ reward: 1, notJudged: [], passed: null });
    const broken = first.outcomes[2];
    // the broken episode called the tool and took two turns but gave no temperature (weight 2 of 4)
    expect(broken.reward).toBeCloseTo(0.5);
    expect(broken.criteria.find((c) => c.criterionId === "answer")).toMatchObject({
      value: 0,
      raw: 0,
      error: null,
      evidence: [3],
      cached: false,
      rationale: "the final answer does not match",
    });
    expect(await cachedRows(rubric.id)).toBe(9);

    const again = await judgeItems({ db, projectId, rubric, judge: null, items });
    expect(again.counts).toEqual({ total: 9, cached: 9, judged: 0, errors: 0 });
    expect(again.outcomes.map((o) => o.reward)).toEqual(first.outcomes.map((o) => o.reward));
    expect(again.outcomes[0].criteria.every((c) => c.cached)).toBe(true);
  });

  it("reads a template's task variables and sends model criteria to a judge of that kind", async () => {
    const { projectId, rubric, items } = await setup([...programCriteria, modelCriterion]);
    const judge = countingJudge();
    const r = await judgeItems({ db, projectId, rubric, judge: { kind: "model", judge }, items });
    expect(judge.calls).toBe(3);
    expect(judge.seen[0].variables.taskPrompt).toMatch(/^What is the weather in city/);
    expect(r.counts).toMatchObject({ total: 12, judged: 12 });
    expect(r.outcomes[2].criteria.find((c) => c.criterionId === "helpful")).toMatchObject({ value: 0, evidence: [3] });
    // another judge configuration is another cache key: judged again, the program checks are not
    const other = countingJudge("sha256:other-judge");
    const r2 = await judgeItems({ db, projectId, rubric, judge: { kind: "model", judge: other }, items });
    expect(other.calls).toBe(3);
    expect(r2.counts).toMatchObject({ cached: 9, judged: 3 });
  });

  it("leaves model criteria not judged without a model judge: an error, never a zero", async () => {
    const { projectId, rubric, items } = await setup([...programCriteria, modelCriterion]);
    const onnx = countingJudge("sha256:onnx");
    for (const judge of [null, { kind: "onnx" as const, judge: onnx }]) {
      const r = await judgeItems({ db, projectId, rubric, judge, items });
      expect(r.counts.total).toBe(9);
      expect(r.outcomes[0]).toMatchObject({ reward: 1, notJudged: ["helpful"] });
      expect(r.outcomes[0].criteria[3]).toMatchObject({
        value: null,
        error: "not judged: no model judge chosen",
      });
    }
    expect(onnx.calls).toBe(0);
  });

  it("records a failed judgment as an error and judges it again next time", async () => {
    const { projectId, rubric, items } = await setup([modelCriterion], 2);
    let down = true;
    const judge = countingJudge("sha256:flaky", () => down);
    const r = await judgeItems({ db, projectId, rubric, judge: { kind: "model", judge }, items });
    expect(r.counts).toEqual({ total: 2, cached: 0, judged: 0, errors: 2 });
    expect(r.outcomes[0]).toMatchObject({ reward: null, notJudged: ["helpful"] });
    expect(r.outcomes[0].criteria[0]).toMatchObject({ value: null, error: "the judge answered 500" });
    const [row] = await db
      .select()
      .from(judgments)
      .where(and(eq(judgments.rubricVersionId, rubric.id), eq(judgments.contentHash, items[0].contentHash)));
    expect(row).toMatchObject({ value: null, error: "the judge answered 500" });

    down = false;
    const again = await judgeItems({ db, projectId, rubric, judge: { kind: "model", judge }, items });
    expect(judge.calls).toBe(4);
    expect(again.counts).toEqual({ total: 2, cached: 0, judged: 2, errors: 0 });
    expect(again.outcomes[0].reward).toBe(1);
    expect(await cachedRows(rubric.id)).toBe(2);
  });

  it("judges a repeated episode once and a thrown judge error as an error", async () => {
    const { projectId, rubric, items } = await setup([modelCriterion], 2);
    const judge = countingJudge();
    judge.judge = async () => {
      judge.calls++;
      throw new Error("socket hang up");
    };
    const r = await judgeItems({ db, projectId, rubric, judge: { kind: "model", judge }, items: [items[0], items[0]] });
    expect(judge.calls).toBe(1);
    expect(r.counts).toEqual({ total: 2, cached: 1, judged: 0, errors: 1 });
    expect(r.outcomes[1].criteria[0].error).toBe("the judge failed: socket hang up");
  });

  it("judges in process without a job, as the demo data does, and lists the run as succeeded", async () => {
    const { projectId, rubric, ids } = await setup();
    const run = await judgeNow({ db, projectId, rubricVersionId: rubric.id, trajectoryIds: ids });
    expect(run).toMatchObject({ total: 9, judged: 9, cached: 0, errors: 0 });
    const results = await getJudgingResults({ db, projectId, runId: run.id, offset: 1, limit: 1 });
    expect(results.run).toMatchObject({ status: "succeeded", jobId: null, judge: null });
    expect(results.total).toBe(3);
    expect(results.items).toHaveLength(1);
    expect(results.items[0].trajectoryId).toBe(ids[1]);
    expect(results.criteria.map((c) => [c.id, c.mean, c.judged])).toEqual([
      ["called", 1, 3],
      ["answer", 2 / 3, 3],
      ["one-call", 1, 3],
    ]);
    const rows = await db.select().from(scores).where(eq(scores.trajectoryId, ids[2]));
    expect(rows.find((r) => r.criterionId === null)).toMatchObject({ value: 0.5, source: "judge", error: null });
    expect(rows).toHaveLength(4);
  });
});
