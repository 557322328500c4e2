import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rubricVersions, taskSets } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createRubric, saveRubricVersion } from "./save-rubric";

const { db } = connectTestDb();

const three = [
  { id: "answer", title: "Answers the question", weight: 2 },
  { id: "grounded", title: "Cites tool output", weight: 1 },
  { id: "invents", title: "Invents data", weight: -1, category: "Pitfall" },
];

describe("rubric versions", () => {
  it("writes version 1, then a new immutable version per save with its diff", async () => {
    const { project, users } = await makeProject(db);
    const { rubric, version } = await createRubric({
      db,
      projectId: project.id,
      userId: users.admin.id,
      input: { name: "Weather answers", version: { criteria: three, aggregation: { rule: "weighted-mean" } } },
    });
    expect(version.version).toBe(1);
    const saves = await Promise.all(
      [3, 4].map((w) =>
        db.transaction((tx) =>
          saveRubricVersion({
            db: tx,
            projectId: project.id,
            rubricId: rubric.id,
            userId: users.admin.id,
            input: {
              criteria: [{ ...three[0], weight: w }, ...three.slice(1)],
              aggregation: { rule: "weighted-mean" },
            },
          }),
        ),
      ),
    );
    expect(saves.map((s) => s.version.version).sort()).toEqual([2, 3]);
    expect(saves[0].changes).toContainEqual({
      kind: "changed",
      id: "answer",
      field: "weight",
      before: expect.any(Number),
      after: 3,
    });
    const stored = await db.select().from(rubricVersions).where(eq(rubricVersions.rubricId, rubric.id));
    expect(stored.map((v) => v.version).sort()).toEqual([1, 2, 3]);
    expect((stored.find((v) => v.version === 1)!.criteria as { weight: number }[])[0].weight).toBe(2);
  });

  it("refuses what cannot produce a score, naming the field, and rubrics of another project", async () => {
    const { project } = await makeProject(db);
    const { project: other } = await makeProject(db);
    const save = (input: object, projectId = project.id) =>
      createRubric({ db, projectId, userId: null, input: { name: "r", ...input } as never });
    await expect(
      save({ version: { criteria: [three[0], three[0]], aggregation: { rule: "weighted-mean" } } }),
    ).rejects.toMatchObject({ issues: [{ path: ["version", "criteria", 1, "id"] }] });
    await expect(
      save({ version: { criteria: three, aggregation: { rule: "holistic", criterionId: "overall" } } }),
    ).rejects.toMatchObject({ issues: [{ path: ["version", "aggregation", "criterionId"] }] });
    await expect(
      save({ version: { criteria: three, aggregation: { rule: "essential-gate", category: "Essential" } } }),
    ).rejects.toMatchObject({ issues: [{ path: ["version", "aggregation", "category"] }] });
    const { rubric } = await save({ version: { criteria: three, aggregation: { rule: "weighted-mean" } } });
    await expect(
      saveRubricVersion({
        db,
        projectId: other.id,
        rubricId: rubric.id,
        userId: null,
        input: { criteria: three, aggregation: { rule: "weighted-mean" } },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", field: "rubricId" });
  });
});

describe("reading rubrics", () => {
  it("lists a project's rubrics with their latest version and reads one with every version", async () => {
    const { listRubrics, getRubric } = await import("./get-rubrics");
    const { project } = await makeProject(db);
    const { project: other } = await makeProject(db);
    const { rubric } = await createRubric({
      db,
      projectId: project.id,
      userId: null,
      input: { name: "Claims", version: { criteria: three, aggregation: { rule: "weighted-mean" } } },
    });
    await saveRubricVersion({
      db,
      projectId: project.id,
      rubricId: rubric.id,
      userId: null,
      input: { criteria: three.slice(0, 2), aggregation: { rule: "weighted-mean" } },
    });
    // a template for a task set names its set
    const [set] = await db.insert(taskSets).values({ projectId: project.id, name: "Weather tasks" }).returning();
    const { rubric: template } = await createRubric({
      db,
      projectId: project.id,
      userId: null,
      input: {
        name: "Each weather task",
        taskSetId: set.id,
        version: { criteria: three, aggregation: { rule: "weighted-mean" } },
      },
    });
    expect(await listRubrics({ db, projectId: project.id })).toMatchObject([
      { id: rubric.id, name: "Claims", latestVersion: 2, criteria: 2, taskSetName: null },
      { id: template.id, taskSetId: set.id, taskSetName: "Weather tasks", taskRef: null },
    ]);
    expect(await listRubrics({ db, projectId: other.id })).toEqual([]);
    const one = await getRubric({ db, projectId: project.id, rubricId: rubric.id });
    expect(one.versions.map((v) => v.version)).toEqual([2, 1]);
    await expect(getRubric({ db, projectId: other.id, rubricId: rubric.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
