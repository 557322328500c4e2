import { describe, expect, it } from "vitest";
import { makeProject, makeUser } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { ingestTrajectories, validateRecords } from "@/lib/trajectories/server/ingest-trajectories";
import { createLabelSchema } from "./create-label-schema";
import { deleteLabel } from "./delete-label";
import { listTrajectoryLabels } from "./list-trajectory-labels";
import { setLabel } from "./set-label";
import { refusal, trajectoryIds } from "./test-support";

const { db } = connectTestDb();

async function setup() {
  const { project, users } = await makeProject(db, { labeler: 2, viewer: 1 });
  const [tid, other] = await trajectoryIds(db, project.id, 2);
  const mk = (input: unknown) => createLabelSchema({ db, projectId: project.id, userId: null, input });
  const schemas = {
    verdict: await mk({ name: "Verdict", kind: "categorical", categories: [{ value: "correct" }, { value: "wrong" }] }),
    ok: await mk({ name: "Step ok", kind: "binary", level: "step" }),
    score: await mk({ name: "Score", kind: "numeric", min: 0, max: 1, step: 0.25 }),
    notes: await mk({ name: "Notes", kind: "text" }),
  };
  const label = (userId: string, input: unknown, trajectoryId = tid) =>
    setLabel({ db, projectId: project.id, trajectoryId, userId, input });
  return { project, users, tid, other, schemas, label };
}

describe("labels", () => {
  it("keeps one label per author: setting again replaces it, a second author adds theirs", async () => {
    const { project, users, tid, schemas, label } = await setup();
    const first = await label(users.labeler.id, { labelSchemaId: schemas.verdict.id, value: "wrong" });
    expect(first).toMatchObject({
      value: "wrong",
      authorEmail: users.labeler.email,
      schemaName: "Verdict",
      stepIndex: null,
    });
    const again = await label(users.labeler.id, { labelSchemaId: schemas.verdict.id, value: "correct" });
    expect(again.id).toBe(first.id);
    expect(again.createdAt).toBe(first.createdAt);
    expect(new Date(again.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.updatedAt).getTime());
    await label(users.labeler1.id, { labelSchemaId: schemas.verdict.id, value: "wrong" });

    const all = await listTrajectoryLabels({ db, projectId: project.id, trajectoryId: tid });
    expect(all.map((l) => [l.authorEmail, l.value]).sort()).toEqual(
      [
        [users.labeler.email, "correct"],
        [users.labeler1.email, "wrong"],
      ].sort(),
    );
  });

  it("validates the value against the schema's kind, and the step against the trajectory", async () => {
    const { users, schemas, label } = await setup();
    const me = users.labeler.id;
    const cases: [unknown, string][] = [
      [{ labelSchemaId: schemas.verdict.id, value: "maybe" }, "value"],
      [{ labelSchemaId: schemas.verdict.id, value: true }, "value"],
      [{ labelSchemaId: schemas.ok.id, stepIndex: 0, value: "yes" }, "value"],
      [{ labelSchemaId: schemas.ok.id, value: true }, "stepIndex"],
      [{ labelSchemaId: schemas.ok.id, stepIndex: 2, value: true }, "stepIndex"],
      [{ labelSchemaId: schemas.ok.id, stepIndex: -1, value: true }, "stepIndex"],
      [{ labelSchemaId: schemas.verdict.id, stepIndex: 0, value: "wrong" }, "stepIndex"],
      [{ labelSchemaId: schemas.score.id, value: 1.5 }, "value"],
      [{ labelSchemaId: schemas.score.id, value: 0.3 }, "value"],
      [{ labelSchemaId: schemas.score.id, value: "0.5" }, "value"],
      [{ labelSchemaId: schemas.notes.id, value: "   " }, "value"],
      [{ labelSchemaId: schemas.notes.id, value: "x".repeat(10_001) }, "value"],
      [{ labelSchemaId: schemas.notes.id }, "value"],
    ];
    for (const [input, field] of cases) {
      const r = await refusal(label(me, input));
      expect({ status: r.status, field: r.field }, JSON.stringify(input).slice(0, 120)).toEqual({ status: 400, field });
    }
    expect(await refusal(label(me, { labelSchemaId: crypto.randomUUID(), value: "x" }))).toMatchObject({
      status: 404,
      field: "labelSchemaId",
    });
    expect(await label(me, { labelSchemaId: schemas.ok.id, stepIndex: 1, value: false })).toMatchObject({
      stepIndex: 1,
    });
    expect(await label(me, { labelSchemaId: schemas.score.id, value: 0.75 })).toMatchObject({ value: 0.75 });
    expect(await label(me, { labelSchemaId: schemas.notes.id, value: "x".repeat(10_000) })).toBeTruthy();
  });

  it("refuses trajectories of another project and archived schemas", async () => {
    const { users, schemas, label, project } = await setup();
    const { project: elsewhere } = await makeProject(db);
    const [foreign] = await trajectoryIds(db, elsewhere.id, 1);
    expect(
      await refusal(label(users.labeler.id, { labelSchemaId: schemas.verdict.id, value: "wrong" }, foreign)),
    ).toMatchObject({
      status: 404,
      field: "trajectoryId",
    });
    const { updateLabelSchema } = await import("./update-label-schema");
    await updateLabelSchema({ db, projectId: project.id, labelSchemaId: schemas.notes.id, input: { archived: true } });
    expect(await refusal(label(users.labeler.id, { labelSchemaId: schemas.notes.id, value: "hi" }))).toMatchObject({
      status: 409,
      field: "labelSchemaId",
    });
  });

  it("lets authors delete only their own labels", async () => {
    const { project, users, tid, schemas, label } = await setup();
    const mine = await label(users.labeler.id, { labelSchemaId: schemas.verdict.id, value: "wrong" });
    const ctx = { db, projectId: project.id, trajectoryId: tid, labelId: mine.id };
    const stranger = await makeUser(db, "stranger");
    expect(await refusal(deleteLabel({ ...ctx, userId: stranger.id }))).toMatchObject({ status: 403 });
    expect(await deleteLabel({ ...ctx, userId: users.labeler.id })).toEqual({ id: mine.id });
    expect(await listTrajectoryLabels({ db, projectId: project.id, trajectoryId: tid })).toEqual([]);
    expect(await refusal(deleteLabel({ ...ctx, userId: users.labeler.id }))).toMatchObject({ status: 404 });
  });

  it("labels steps of an ingested trajectory by index", async () => {
    const { project, users } = await makeProject(db, { labeler: 1 });
    const [t] = await ingestTrajectories({
      db,
      projectId: project.id,
      items: validateRecords([
        {
          id: "ep-1",
          messages: [
            { role: "user", content: "Weather in Paris?" },
            { role: "assistant", content: "Sunny." },
          ],
        },
      ]),
    });
    const trajectoryId = (t as { id: string }).id;
    const s = await createLabelSchema({
      db,
      projectId: project.id,
      userId: null,
      input: { name: "Helpful", kind: "binary", level: "step" },
    });
    const r = await setLabel({
      db,
      projectId: project.id,
      trajectoryId,
      userId: users.labeler.id,
      input: { labelSchemaId: s.id, stepIndex: 1, value: true },
    });
    expect(r).toMatchObject({ stepIndex: 1, value: true });
    expect(
      await refusal(
        setLabel({
          db,
          projectId: project.id,
          trajectoryId,
          userId: users.labeler.id,
          input: { labelSchemaId: s.id, stepIndex: 2, value: true },
        }),
      ),
    ).toMatchObject({ status: 400, field: "stepIndex" });
  });
});
