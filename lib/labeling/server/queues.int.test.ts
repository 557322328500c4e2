import { describe, expect, it } from "vitest";
import { makeProject, makeUser } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { addQueueItems } from "./add-queue-items";
import { createLabelSchema } from "./create-label-schema";
import { createQueue } from "./create-queue";
import { getQueue } from "./get-queue";
import { listQueueItems } from "./list-queue-items";
import { listQueues } from "./list-queues";
import { setItemDone } from "./set-item-done";
import { setLabel } from "./set-label";
import { refusal, trajectoryIds } from "./test-support";
import { updateLabelSchema } from "./update-label-schema";
import { updateQueue } from "./update-queue";

const { db } = connectTestDb();

async function setup(n = 4) {
  const { project, users } = await makeProject(db, { editor: 1, labeler: 2, viewer: 1 });
  const ids = await trajectoryIds(db, project.id, n);
  const schema = await createLabelSchema({
    db,
    projectId: project.id,
    userId: null,
    input: { name: "Verdict", kind: "categorical", categories: [{ value: "correct" }, { value: "wrong" }] },
  });
  return { project, users, ids, schema, p: project.id };
}

describe("annotation queues", () => {
  it("creates a queue with trajectories in order, appends later ones after them and skips repeats", async () => {
    const { users, ids, schema, p } = await setup(5);
    const q = await createQueue({
      db,
      projectId: p,
      userId: users.editor.id,
      input: {
        name: "Round 1",
        labelSchemaIds: [schema.id],
        trajectoryIds: [ids[2], ids[0], ids[2]],
        assigneeIds: [users.labeler.id],
      },
    });
    expect(q).toMatchObject({
      itemCount: 2,
      schemas: [{ id: schema.id }],
      assignees: [{ email: users.labeler.email, done: 0 }],
    });
    const added = await addQueueItems({
      db,
      projectId: p,
      queueId: q.id,
      input: { trajectoryIds: [ids[0], ids[4], ids[1]] },
    });
    expect(added).toEqual({ added: 2, skipped: 1, total: 4 });
    const items = await listQueueItems({ db, projectId: p, queueId: q.id });
    expect(items.map((i) => i.trajectoryId)).toEqual([ids[2], ids[0], ids[4], ids[1]]);
    expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3]);

    // an item counts labels with the queue's schemas only
    await setLabel({
      db,
      projectId: p,
      trajectoryId: ids[0],
      userId: users.labeler.id,
      input: { labelSchemaId: schema.id, value: "wrong" },
    });
    const other = await createLabelSchema({ db, projectId: p, userId: null, input: { name: "Other", kind: "binary" } });
    await setLabel({
      db,
      projectId: p,
      trajectoryId: ids[0],
      userId: users.labeler.id,
      input: { labelSchemaId: other.id, value: true },
    });
    const again = await listQueueItems({ db, projectId: p, queueId: q.id });
    expect(again.map((i) => i.labelCount)).toEqual([0, 1, 0, 0]);
  });

  it("refuses foreign trajectories, non-member or viewer assignees, unknown schemas and a taken name", async () => {
    const { users, ids, schema, p } = await setup(1);
    const { project: other } = await makeProject(db);
    const [foreign] = await trajectoryIds(db, other.id, 1);
    const outsider = await makeUser(db, "outsider");
    const base = { name: "Q", labelSchemaIds: [schema.id], trajectoryIds: [ids[0]] };
    const create = (input: object) => createQueue({ db, projectId: p, userId: null, input: { ...base, ...input } });
    expect(await refusal(create({ trajectoryIds: [ids[0], foreign] }))).toMatchObject({
      status: 400,
      field: "trajectoryIds.1",
    });
    expect(await refusal(create({ assigneeIds: [outsider.id] }))).toMatchObject({
      status: 400,
      field: "assigneeIds.0",
    });
    const viewer = await refusal(create({ assigneeIds: [users.labeler.id, users.viewer.id] }));
    expect(viewer).toMatchObject({ status: 400, field: "assigneeIds.1" });
    expect(viewer.message).toContain("labeler role");
    expect(await refusal(create({ labelSchemaIds: [crypto.randomUUID()] }))).toMatchObject({
      status: 400,
      field: "labelSchemaIds.0",
    });
    expect(await refusal(create({ labelSchemaIds: [] }))).toMatchObject({ status: 400, field: "labelSchemaIds" });
    expect(await listQueues({ db, projectId: p, callerId: null })).toEqual([]);
    await create({});
    expect(await refusal(create({}))).toMatchObject({ status: 409, field: "name" });
    await updateLabelSchema({ db, projectId: p, labelSchemaId: schema.id, input: { archived: true } });
    expect(await refusal(create({ name: "Q2" }))).toMatchObject({ status: 400, field: "labelSchemaIds.0" });
  });

  it("counts progress per assignee, by any and by every assignee, and for the caller", async () => {
    const { users, ids, schema, p } = await setup(4);
    const a = users.labeler.id;
    const b = users.labeler1.id;
    const q = await createQueue({
      db,
      projectId: p,
      userId: users.editor.id,
      input: { name: "Progress", labelSchemaIds: [schema.id], trajectoryIds: ids, assigneeIds: [a, b] },
    });
    const items = await listQueueItems({ db, projectId: p, queueId: q.id });
    const done = (userId: string, i: number, d = true) =>
      setItemDone({ db, projectId: p, queueId: q.id, itemId: items[i].id, userId, done: d });
    await done(a, 0);
    await done(a, 1);
    expect(await done(a, 2)).toMatchObject({ mineDone: 3, itemCount: 4 });
    await done(a, 2); // twice is once
    await done(b, 1);
    await done(b, 3);
    await done(b, 3, false);

    const view = await getQueue({ db, projectId: p, queueId: q.id, callerId: a });
    const byEmail = Object.fromEntries(view.assignees.map((x) => [x.email, x.done]));
    expect(byEmail).toEqual({ [users.labeler.email]: 3, [users.labeler1.email]: 1 });
    expect(view).toMatchObject({ itemCount: 4, doneByAny: 3, doneByAll: 1, mine: { assigned: true, done: 3 } });
    const rows = await listQueueItems({ db, projectId: p, queueId: q.id });
    expect(rows[1].doneBy.sort()).toEqual([a, b].sort());

    // only assignees mark items done; an unassigned labeler is told how to get assigned
    const editorTry = await refusal(done(users.editor.id, 0));
    expect(editorTry).toMatchObject({ status: 403 });
    expect(editorTry.message).toContain("not assigned");

    // taking b off the queue: progress counts the remaining assignee only
    const after = await updateQueue({ db, projectId: p, queueId: q.id, callerId: b, input: { assigneeIds: [a] } });
    expect(after).toMatchObject({ doneByAny: 3, doneByAll: 3, mine: { assigned: false, done: 1 } });
    expect(after.assignees.map((x) => x.userId)).toEqual([a]);
    const [listed] = await listQueues({ db, projectId: p, callerId: a });
    expect(listed).toMatchObject({ id: q.id, doneByAny: 3, mine: { done: 3 } });
  });

  it("holds at most 5,000 trajectories, however they arrive", async () => {
    const { ids, schema, p } = await setup(5_001);
    const q = await createQueue({
      db,
      projectId: p,
      userId: null,
      input: { name: "Big", labelSchemaIds: [schema.id], trajectoryIds: ids.slice(0, 5_000) },
    });
    expect(q.itemCount).toBe(5_000);
    const more = await refusal(
      addQueueItems({ db, projectId: p, queueId: q.id, input: { trajectoryIds: ids.slice(4_999) } }),
    );
    expect(more).toMatchObject({ status: 400, field: "trajectoryIds" });
    expect(more.message).toContain("make a second queue");
    // ones already in it are skipped, so sending them again changes nothing
    expect(
      await addQueueItems({ db, projectId: p, queueId: q.id, input: { trajectoryIds: ids.slice(0, 10) } }),
    ).toEqual({
      added: 0,
      skipped: 10,
      total: 5_000,
    });
    const items = await listQueueItems({ db, projectId: p, queueId: q.id });
    expect(items.map((i) => i.trajectoryId)).toEqual(ids.slice(0, 5_000));
  });
});
