import { describe, expect, it } from "vitest";
import { rubrics, rubricVersions } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createLabelSchema } from "./create-label-schema";
import { listLabelSchemas } from "./list-label-schemas";
import { setLabel } from "./set-label";
import { refusal, trajectoryIds } from "./test-support";
import { updateLabelSchema } from "./update-label-schema";

const { db } = connectTestDb();

const verdict = {
  name: "Verdict",
  kind: "categorical",
  categories: [{ value: "correct", hotkey: "c" }, { value: "wrong" }, { value: "unclear" }],
};

describe("label schemas", () => {
  it("creates each kind and lists them; archived ones only on request", async () => {
    const { project, users } = await makeProject(db, { editor: 1 });
    const ctx = { db, projectId: project.id, userId: users.editor.id };
    const cat = await createLabelSchema({ ...ctx, input: verdict });
    expect(cat).toMatchObject({ kind: "categorical", level: "trajectory", categories: verdict.categories, min: null });
    const num = await createLabelSchema({
      ...ctx,
      input: { name: "Quality", kind: "numeric", min: 1, max: 5, step: 1 },
    });
    expect(num).toMatchObject({ min: 1, max: 5, step: 1, categories: null });
    await createLabelSchema({ ...ctx, input: { name: "Step ok", kind: "binary", level: "step" } });
    const text = await createLabelSchema({ ...ctx, input: { name: "Notes", kind: "text" } });
    await updateLabelSchema({ db, projectId: project.id, labelSchemaId: text.id, input: { archived: true } });

    const active = await listLabelSchemas({ db, projectId: project.id });
    expect(active.map((s) => s.name)).toEqual(["Verdict", "Quality", "Step ok"]);
    const archived = await listLabelSchemas({ db, projectId: project.id, archived: "only" });
    expect(archived.map((s) => s.name)).toEqual(["Notes"]);
  });

  it("refuses bad schemas with a 4xx naming the field, and writes nothing", async () => {
    const { project } = await makeProject(db);
    const ctx = { db, projectId: project.id, userId: null };
    const cases: [unknown, number, string][] = [
      [{ name: "A", kind: "categorical" }, 400, "categories"],
      [{ name: "A", kind: "categorical", categories: [{ value: "x" }, { value: "x" }] }, 400, "categories.1.value"],
      [
        { name: "A", kind: "categorical", categories: [{ value: "x", hotkey: "j" }, { value: "y" }] },
        400,
        "categories.0.hotkey",
      ],
      [{ name: "A", kind: "numeric", min: 5, max: 5 }, 400, "min"],
      [{ name: "A", kind: "numeric", min: 0 }, 400, "max"],
      [{ name: "A", kind: "binary", min: 0 }, 400, "min"],
      [{ name: "", kind: "text" }, 400, "name"],
      [{ name: "A", kind: "emoji" }, 400, "kind"],
      [{ name: "A", kind: "text", rubricId: crypto.randomUUID() }, 400, "criterionId"],
      [{ name: "A", kind: "text", rubricId: crypto.randomUUID(), criterionId: "c1" }, 400, "rubricId"],
    ];
    for (const [input, status, field] of cases) {
      const r = await refusal(createLabelSchema({ ...ctx, input }));
      expect({ status: r.status, field: r.field }, JSON.stringify(input)).toEqual({ status, field });
      expect(r.message.length).toBeGreaterThan(10);
    }
    expect(await listLabelSchemas({ db, projectId: project.id, archived: "include" })).toEqual([]);

    await createLabelSchema({ ...ctx, input: verdict });
    const dup = await refusal(
      createLabelSchema({ ...ctx, input: { ...verdict, kind: "text", categories: undefined } }),
    );
    expect(dup).toMatchObject({ status: 409, code: "CONFLICT", field: "name" });
  });

  it("ties a schema to a rubric criterion only when the rubric has that criterion", async () => {
    const { project } = await makeProject(db);
    const [rubric] = await db.insert(rubrics).values({ projectId: project.id, name: "Airline" }).returning();
    const ctx = { db, projectId: project.id, userId: null };
    const tie = { name: "Grounded", kind: "binary", rubricId: rubric.id, criterionId: "grounding" };
    expect(await refusal(createLabelSchema({ ...ctx, input: tie }))).toMatchObject({
      status: 400,
      field: "criterionId",
    });
    await db.insert(rubricVersions).values({
      rubricId: rubric.id,
      version: 1,
      criteria: [
        { id: "grounding", weight: 3 },
        { id: "fulfillment", weight: 5 },
      ],
      aggregation: {},
    });
    const wrong = await refusal(createLabelSchema({ ...ctx, input: { ...tie, criterionId: "nope" } }));
    expect(wrong).toMatchObject({ status: 400, field: "criterionId" });
    expect(wrong.message).toContain("'grounding'");
    expect(await createLabelSchema({ ...ctx, input: tie })).toMatchObject({
      rubricId: rubric.id,
      criterionId: "grounding",
    });
  });

  it("keeps kind, level and used values once labels use a schema", async () => {
    const { project, users } = await makeProject(db, { labeler: 1 });
    const [tid] = await trajectoryIds(db, project.id, 1);
    const s = await createLabelSchema({ db, projectId: project.id, userId: null, input: verdict });
    const edit = (input: unknown) => updateLabelSchema({ db, projectId: project.id, labelSchemaId: s.id, input });
    // before any label, anything may change
    expect(await edit({ description: "Is the final answer right?" })).toMatchObject({
      description: "Is the final answer right?",
    });
    await setLabel({
      db,
      projectId: project.id,
      trajectoryId: tid,
      userId: users.labeler.id,
      input: { labelSchemaId: s.id, value: "wrong" },
    });

    expect(await refusal(edit({ kind: "text", categories: null }))).toMatchObject({ status: 409, field: "kind" });
    expect(await refusal(edit({ level: "step" }))).toMatchObject({ status: 409, field: "level" });
    const removed = await refusal(edit({ categories: [{ value: "correct" }, { value: "unclear" }] }));
    expect(removed).toMatchObject({ status: 409, field: "categories" });
    expect(removed.message).toContain("'wrong' ×1");
    const renamed = await edit({ name: "Final verdict", categories: [...verdict.categories, { value: "partly" }] });
    expect(renamed).toMatchObject({ name: "Final verdict", labelCount: 1 });
    expect(renamed.categories).toHaveLength(4);
  });

  it("keeps numeric labels inside a narrowed range", async () => {
    const { project, users } = await makeProject(db, { labeler: 1 });
    const [tid] = await trajectoryIds(db, project.id, 1);
    const s = await createLabelSchema({
      db,
      projectId: project.id,
      userId: null,
      input: { name: "Score", kind: "numeric", min: 0, max: 10, step: 0.5 },
    });
    await setLabel({
      db,
      projectId: project.id,
      trajectoryId: tid,
      userId: users.labeler.id,
      input: { labelSchemaId: s.id, value: 7.5 },
    });
    const edit = (input: unknown) => updateLabelSchema({ db, projectId: project.id, labelSchemaId: s.id, input });
    expect(await refusal(edit({ max: 5 }))).toMatchObject({ status: 409, field: "min" });
    expect(await refusal(edit({ step: 2 }))).toMatchObject({ status: 409, field: "min" });
    expect(await edit({ max: 20, step: 0.25 })).toMatchObject({ max: 20, step: 0.25 });
  });
});
