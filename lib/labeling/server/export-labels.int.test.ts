import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { exportColumns, labelExportQuery } from "../schemas";
import { createLabelSchema } from "./create-label-schema";
import { createQueue } from "./create-queue";
import { exportLabels, toByteStream } from "./export-labels";
import { setLabel } from "./set-label";
import { refusal, trajectoryIds } from "./test-support";

const { db } = connectTestDb();

async function download(projectId: string, q: Record<string, string>) {
  const out = await exportLabels({ db, projectId, query: labelExportQuery.parse(q) });
  return { ...out, body: await new Response(toByteStream(out.text)).text() };
}

describe("label export", () => {
  it("writes every label as JSONL and as quoted CSV that parse back to the same rows", async () => {
    const { project, users } = await makeProject(db, { labeler: 2 });
    const p = project.id;
    const [t1, t2, t3] = await trajectoryIds(db, p, 3);
    const verdict = await createLabelSchema({
      db,
      projectId: p,
      userId: null,
      input: { name: "Verdict, final", kind: "categorical", categories: [{ value: 'says "no"' }, { value: "yes" }] },
    });
    const notes = await createLabelSchema({ db, projectId: p, userId: null, input: { name: "Notes", kind: "text" } });
    const step = await createLabelSchema({
      db,
      projectId: p,
      userId: null,
      input: { name: "Step ok", kind: "binary", level: "step" },
    });
    const label = (u: string, t: string, input: object) =>
      setLabel({ db, projectId: p, trajectoryId: t, userId: u, input });
    const a = users.labeler.id;
    const b = users.labeler1.id;
    await label(a, t1, { labelSchemaId: verdict.id, value: 'says "no"' });
    await label(b, t1, { labelSchemaId: verdict.id, value: "yes" });
    await label(a, t2, { labelSchemaId: notes.id, value: "line one,\nline two" });
    await label(a, t2, { labelSchemaId: step.id, stepIndex: 1, value: false });
    await label(b, t3, { labelSchemaId: verdict.id, value: "yes" });

    const jsonl = await download(p, { format: "jsonl" });
    expect(jsonl.contentType).toContain("application/x-ndjson");
    expect(jsonl.filename).toMatch(/^labels-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const rows = jsonl.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      trajectoryId: t1,
      clientId: "traj-1",
      stepIndex: null,
      schema: "Verdict, final",
      kind: "categorical",
      value: 'says "no"',
      authorEmail: users.labeler.email,
    });
    expect(rows.find((r) => r.kind === "binary")).toMatchObject({ stepIndex: 1, value: false, level: "step" });

    const csv = await download(p, { format: "csv" });
    expect(csv.contentType).toContain("text/csv");
    const parsed = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(parsed[0])).toEqual([...exportColumns]);
    expect(parsed).toHaveLength(5);
    parsed.forEach((r, i) => {
      expect(r.trajectoryId).toBe(rows[i].trajectoryId);
      expect(r.schema).toBe(rows[i].schema);
      expect(r.value).toBe(String(rows[i].value));
      expect(r.stepIndex).toBe(rows[i].stepIndex === null ? "" : String(rows[i].stepIndex));
      expect(r.authorEmail).toBe(rows[i].authorEmail);
    });

    // one queue: only its trajectories and its schemas; one schema: only its labels
    const q = await createQueue({
      db,
      projectId: p,
      userId: null,
      input: { name: "Round 1", labelSchemaIds: [verdict.id], trajectoryIds: [t1, t2] },
    });
    const ofQueue = await download(p, { format: "jsonl", queueId: q.id });
    expect(ofQueue.filename).toMatch(/^labels-round-1-/);
    expect(
      ofQueue.body
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).value),
    ).toEqual(['says "no"', "yes"]);
    const ofSchema = await download(p, { format: "csv", labelSchemaId: notes.id });
    expect(parse(ofSchema.body, { columns: true })).toMatchObject([{ value: "line one,\nline two" }]);

    expect(await refusal(download(p, { queueId: crypto.randomUUID() }))).toMatchObject({
      status: 404,
      field: "queueId",
    });
    expect(await refusal(download(p, { format: "xlsx" }))).toMatchObject({ status: 400, field: "format" });
  });

  it("pages through more labels than one read holds, each exactly once", async () => {
    const { project, users } = await makeProject(db, { labeler: 1 });
    const p = project.id;
    const ids = await trajectoryIds(db, p, 2_100);
    const s = await createLabelSchema({ db, projectId: p, userId: null, input: { name: "Ok", kind: "binary" } });
    const { sql } = await import("drizzle-orm");
    // one statement, so many labels share a created_at: the cursor must still move past each once
    await db.execute(sql`insert into labels (project_id, trajectory_id, key, value, author_id, label_schema_id)
      select ${p}::uuid, t.id, 'Ok', 'true'::jsonb, ${users.labeler.id}, ${s.id}::uuid
      from trajectories t where t.project_id = ${p}::uuid`);
    const out = await download(p, { format: "jsonl" });
    const got = out.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).trajectoryId);
    expect(got).toHaveLength(ids.length);
    expect(new Set(got).size).toBe(ids.length);
  });
});
