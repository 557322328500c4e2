import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { judges, judgingRuns, judgments } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createLabelSchema } from "@/lib/labeling/server/create-label-schema";
import { listQueueItems } from "@/lib/labeling/server/list-queue-items";
import { setLabel } from "@/lib/labeling/server/set-label";
import { refusal, trajectoryIds } from "@/lib/labeling/server/test-support";
import { createRubric, saveRubricVersion } from "@/lib/rubrics/server/save-rubric";
import { sendDisagreementsToQueue } from "./agreement-queue";
import { getAgreement } from "./agreement-report";

const { db } = connectTestDb();

const criteria = [
  { id: "answer", title: "Answer is right", weight: 1, scale: { kind: "binary" as const } },
  { id: "claims", title: "Claims covered", weight: 1, scale: { kind: "ternary" as const } },
];

async function setup() {
  const { project, users } = await makeProject(db, { editor: 1, labeler: 1 });
  const p = project.id;
  const ids = await trajectoryIds(db, p, 10);
  // distinct contents: judgments find trajectories by content hash
  await db.execute(sql`update trajectories set content_hash = 'sha256:' || id where project_id = ${p}::uuid`);
  const hashes = ids.map((id) => `sha256:${id}`);
  const { rubric, version: v1 } = await createRubric({
    db,
    projectId: p,
    userId: null,
    input: { name: "Support rubric", version: { criteria, aggregation: { rule: "weighted-mean" } } },
  });
  const { version: v2 } = await saveRubricVersion({
    db,
    projectId: p,
    rubricId: rubric.id,
    userId: null,
    input: { criteria, aggregation: { rule: "coverage-pass", threshold: 0.75 } },
  });
  const answer = await createLabelSchema({
    db,
    projectId: p,
    userId: null,
    input: { name: "Answer right?", kind: "binary", rubricId: rubric.id, criterionId: "answer" },
  });
  const claims = await createLabelSchema({
    db,
    projectId: p,
    userId: null,
    input: {
      name: "Claims",
      kind: "categorical",
      categories: [{ value: "1" }, { value: "0.5" }, { value: "0" }, { value: "unsure" }],
      rubricId: rubric.id,
      criterionId: "claims",
    },
  });
  const label = (schemaId: string, i: number, value: boolean | string, user = users.editor.id) =>
    setLabel({ db, projectId: p, trajectoryId: ids[i], userId: user, input: { labelSchemaId: schemaId, value } });
  const judge = (
    versionId: string,
    key: string,
    criterionId: string,
    i: number,
    value: number | null,
    at = "2025-01-02T00:00:00Z",
  ) =>
    db.insert(judgments).values({
      projectId: p,
      rubricVersionId: versionId,
      judgeKey: key,
      contentHash: hashes[i],
      criterionId,
      value,
      error: value === null ? "timed out after 30 s" : null,
      rationale: `reason ${i}`,
      evidence: [1],
      createdAt: new Date(at),
    });
  return { p, users, ids, rubric, v1, v2, answer, claims, label, judge };
}

describe("judge-versus-human agreement", () => {
  it("pairs each person's label with the judge's newest score and computes kappa per judge", async () => {
    const s = await setup();
    const human = [true, true, true, true, true, false, false, false, false, false];
    for (let i = 0; i < 10; i++) await s.label(s.answer.id, i, human[i]);
    // a second person disagrees with the first on trajectory 1
    await s.label(s.answer.id, 0, false, s.users.labeler.id);
    const judgeA = [1, 1, 1, 1, 0, 0, 0, 0, 0, 1];
    // version 1 agreed on trajectory 5; version 2 is newer and wins
    await s.judge(s.v1.id, "k-a", "answer", 4, 1, "2025-01-01T00:00:00Z");
    for (let i = 0; i < 10; i++) await s.judge(s.v2.id, "k-a", "answer", i, judgeA[i]);
    for (let i = 0; i < 4; i++) await s.judge(s.v2.id, "k-b", "answer", i, 0.9);
    await s.judge(s.v2.id, "k-b", "answer", 4, null);
    const [j] = await db.insert(judges).values({ projectId: s.p, name: "Judge A", kind: "model" }).returning();
    await db.insert(judgingRuns).values([
      { projectId: s.p, rubricVersionId: s.v2.id, judgeId: j.id, judgeKey: "k-a", trajectoryIds: s.ids },
      {
        projectId: s.p,
        rubricVersionId: s.v2.id,
        judgeKey: "k-b",
        judgeSnapshot: { name: "Judge B" },
        trajectoryIds: s.ids,
      },
    ]);
    // another project's judgment of the same content must not count
    const other = await makeProject(db);
    const { version: ov } = await createRubric({
      db,
      projectId: other.project.id,
      userId: null,
      input: { name: "x", version: { criteria, aggregation: { rule: "weighted-mean" } } },
    });
    await db.insert(judgments).values({
      projectId: other.project.id,
      rubricVersionId: ov.id,
      judgeKey: "k-a",
      contentHash: `sha256:${s.ids[1]}`,
      criterionId: "answer",
      value: 0,
    });

    const report = await getAgreement({ db, projectId: s.p, query: {} });
    const row = report.items.find((r) => r.criterionId === "answer");
    expect(row).toMatchObject({ criterionTitle: "Answer is right", scale: "pass-fail", labelCount: 11, unmapped: 0 });
    const [a, b] = row?.judges ?? [];
    expect(a).toMatchObject({ judgeKey: "k-a", judgeName: "Judge A", judgeId: j.id, n: 11, notJudged: 0 });
    // rows human pass/fail, columns judge: [[4,1],[2,4]]; po 8/11, pe 60/121 → kappa 28/61
    expect(a.matrix).toEqual([
      [4, 1],
      [2, 4],
    ]);
    expect(a.agreement).toBeCloseTo(8 / 11, 12);
    expect(a.kappa).toBeCloseTo(28 / 61, 12);
    expect(a.ci?.low).toBeLessThan(28 / 61);
    expect(a.ci?.high).toBeGreaterThan(28 / 61);
    expect(a.disagreementCount).toBe(3);
    expect(a.disagreements.map((d) => [d.trajectoryId, d.human, d.judge, d.rubricVersion])).toEqual([
      [s.ids[4], "pass", "fail", 2],
      [s.ids[9], "fail", "pass", 2],
      [s.ids[0], "fail", "pass", 2],
    ]);
    expect(a.disagreements[0]).toMatchObject({ humanValue: true, judgeValue: 0, rationale: "reason 4", evidence: [1] });
    // judge B says pass on trajectories 1-4 (five labels, the second person's "fail" disagrees) and
    // failed on trajectory 5: counted apart. [[4,0],[1,0]]: po 0.8 = pe → kappa 0
    expect(b).toMatchObject({ judgeName: "Judge B", n: 5, agreement: 0.8, notJudged: 1, disagreementCount: 1 });
    expect(b.kappa).toBeCloseTo(0, 12);
  });

  it("maps categorical labels onto 1 / 0.5 / 0 for a ternary criterion and counts those it cannot read", async () => {
    const s = await setup();
    await s.label(s.claims.id, 0, "1");
    await s.label(s.claims.id, 1, "0.5");
    await s.label(s.claims.id, 2, "0");
    await s.label(s.claims.id, 3, "unsure");
    for (const [i, v] of [1, 0.6, 0.5, 1].entries()) await s.judge(s.v2.id, "program", "claims", i, v);
    const report = await getAgreement({ db, projectId: s.p, query: { labelSchemaId: s.claims.id } });
    expect(report.items).toHaveLength(1);
    const row = report.items[0];
    expect(row).toMatchObject({ scale: "ternary", categories: ["1", "0.5", "0"], unmapped: 1, labelCount: 4 });
    const j = row.judges[0];
    expect(j.judgeName).toBe("Program checks");
    expect(j.matrix).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    // po 2/3, pe 3/9 → kappa 0.5
    expect(j.kappa).toBeCloseTo(0.5, 12);
  });

  it("says kappa is undefined when both sides use one category", async () => {
    const s = await setup();
    for (let i = 0; i < 3; i++) {
      await s.label(s.answer.id, i, true);
      await s.judge(s.v2.id, "program", "answer", i, 1);
    }
    const j = (await getAgreement({ db, projectId: s.p, query: {} })).items[0].judges[0];
    expect(j).toMatchObject({ n: 3, agreement: 1, kappa: null, ci: null });
    expect(j.kappaNote).toMatch(/one category only/);
  });

  it("sends a judge's disagreements to a new queue with the criterion's schema, numbering a taken name", async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) {
      await s.label(s.answer.id, i, i < 2);
      await s.judge(s.v2.id, "k-a", "answer", i, i % 2);
    }
    const first = await sendDisagreementsToQueue({
      db,
      projectId: s.p,
      userId: s.users.editor.id,
      input: { labelSchemaId: s.answer.id, judgeKey: "k-a" },
    });
    expect(first.sent).toBe(2);
    expect(first.queue.name).toMatch(/^Disagreements: Answer is right vs judge k-a/);
    expect(first.queue.labelSchemaIds).toEqual([s.answer.id]);
    const items = await listQueueItems({ db, projectId: s.p, queueId: first.queue.id });
    expect(items.map((it) => it.trajectoryId)).toEqual([s.ids[0], s.ids[3]]);
    const second = await sendDisagreementsToQueue({
      db,
      projectId: s.p,
      userId: s.users.editor.id,
      input: { labelSchemaId: s.answer.id, judgeKey: "k-a" },
    });
    expect(second.queue.name).toBe(`${first.queue.name} (2)`);

    expect(
      await refusal(
        sendDisagreementsToQueue({
          db,
          projectId: s.p,
          userId: null,
          input: { labelSchemaId: s.answer.id, judgeKey: "nope" },
        }),
      ),
    ).toMatchObject({ status: 400, field: "judgeKey" });
    expect(
      await refusal(
        sendDisagreementsToQueue({
          db,
          projectId: s.p,
          userId: null,
          input: { labelSchemaId: crypto.randomUUID(), judgeKey: "k-a" },
        }),
      ),
    ).toMatchObject({ status: 404, field: "labelSchemaId" });
    const count = await db.$count(judgments, eq(judgments.projectId, s.p));
    expect(count).toBe(4);
  });
});
