import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judges } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { errorResponse } from "@/lib/api/server/respond";
import { answer, type OpenAITestServer, startOpenAITestServer, status } from "@/test/openai-test-server";
import { judgeInput } from "../schemas";
import { addJudge } from "./add-judge";
import { createJudge } from "./create-judge";
import { deleteJudge } from "./delete-judge";
import { getJudge, getJudgeRow } from "./get-judge";
import { listJudges } from "./list-judges";
import { testJudge } from "./test-judge";
import { updateJudge } from "./update-judge";

const { db } = connectTestDb();
let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());

const modelInput = (over: Record<string, unknown> = {}) => ({
  name: "Qwen judge",
  kind: "model" as const,
  config: { baseUrl: server.url, model: "qwen", apiKey: "sk-very-secret", ...over },
});

/** The 400 body the API answers for a bad input. */
async function badRequest(input: unknown) {
  const r = judgeInput.safeParse(input);
  expect(r.success).toBe(false);
  const res = errorResponse(r.error);
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: { field: string; message: string } }).error;
}

describe("judges", () => {
  it("stores the API key but never shows it, keeps it on an update without one, and removes it on null", async () => {
    const { project } = await makeProject(db);
    const created = await addJudge({ db, projectId: project.id, input: modelInput() });
    expect(created).toMatchObject({ kind: "model", hasApiKey: true, name: "Qwen judge" });
    expect(created.config).toMatchObject({ temperature: 0, samples: 1, combine: "majority", concurrency: 8 });
    const everyView = [
      created,
      await getJudge({ db, projectId: project.id, judgeId: created.id }),
      ...(await listJudges({ db, projectId: project.id })),
    ];
    for (const v of everyView) expect(JSON.stringify(v)).not.toContain("sk-very-secret");

    const renamed = await updateJudge({
      db,
      projectId: project.id,
      judgeId: created.id,
      input: { ...modelInput({ apiKey: undefined, temperature: 0.3 }), name: "renamed" },
    });
    expect(renamed).toMatchObject({ name: "renamed", hasApiKey: true });
    expect(renamed.key).not.toBe(created.key);
    const row = await getJudgeRow({ db, projectId: project.id, judgeId: created.id });
    expect((row.config as { apiKey: string }).apiKey).toBe("sk-very-secret");

    // the stored key is the one the endpoint receives
    server.reset();
    server.script(answer(1, "2 + 2 is 4", [1]));
    const t = await testJudge({ db, projectId: project.id, judgeId: created.id });
    expect(t).toMatchObject({ ok: true, raw: 1, error: null, promptTokens: 100 });
    expect(t.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests[0].headers.authorization).toBe("Bearer sk-very-secret");
    expect(server.requests[0].prompt).toContain("What is 2 + 2?");

    const cleared = await updateJudge({
      db,
      projectId: project.id,
      judgeId: created.id,
      input: modelInput({ apiKey: null }),
    });
    expect(cleared.hasApiKey).toBe(false);
    server.reset();
    await testJudge({ db, projectId: project.id, judgeId: created.id });
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  it("tests a judge whose endpoint fails and reports the error, not a score", async () => {
    const { project } = await makeProject(db);
    const j = await addJudge({ db, projectId: project.id, input: modelInput({ maxRetries: 3 }) });
    server.reset();
    server.setDefault(status(500));
    const t = await testJudge({ db, projectId: project.id, judgeId: j.id });
    expect(t).toMatchObject({ ok: false, raw: null });
    expect(t.error).toMatch(/answered 500/);
    // the test sends one request: retries would only hide how the endpoint answers
    expect(server.requests).toHaveLength(1);
    server.reset();
  });

  it("refuses bad input naming the field, and changes nothing", async () => {
    const { project } = await makeProject(db);
    expect(await badRequest(modelInput({ baseUrl: "localhost:8000" }))).toMatchObject({ field: "config.baseUrl" });
    expect(await badRequest(modelInput({ samples: 0 }))).toMatchObject({ field: "config.samples" });
    expect(await badRequest(modelInput({ combine: "vote" }))).toMatchObject({ field: "config.combine" });
    expect(await badRequest({ ...modelInput(), name: " " })).toMatchObject({ field: "name" });
    expect(await badRequest({ name: "x", kind: "program", config: {} })).toMatchObject({ field: "kind" });
    expect(await badRequest({ name: "x", kind: "onnx", config: {} })).toMatchObject({ field: "config.modelDir" });
    await expect(addJudge({ db, projectId: project.id, input: modelInput({ timeoutMs: 5 }) })).rejects.toThrow(
      /100 ms/,
    );
    expect(await listJudges({ db, projectId: project.id })).toHaveLength(0);
  });

  it("keeps judges to their project and deletes without touching another's", async () => {
    const a = await makeProject(db);
    const b = await makeProject(db);
    const j = await addJudge({
      db,
      projectId: a.project.id,
      input: { name: "onnx", kind: "onnx", config: { modelDir: "/models/x" } },
    });
    expect(j).toMatchObject({ hasApiKey: false, config: { maxLength: 512, output: "sigmoid" } });
    await expect(getJudge({ db, projectId: b.project.id, judgeId: j.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteJudge({ db, projectId: b.project.id, judgeId: j.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      updateJudge({
        db,
        projectId: b.project.id,
        judgeId: j.id,
        input: { name: "y", kind: "onnx", config: { modelDir: "/m" } },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await deleteJudge({ db, projectId: a.project.id, judgeId: j.id })).toEqual({ id: j.id, deleted: true });
    expect(await db.select().from(judges).where(eq(judges.id, j.id))).toHaveLength(0);
  });

  it("gives the engine one judge per row and configuration, keyed like the view", async () => {
    const { project } = await makeProject(db);
    const v = await addJudge({ db, projectId: project.id, input: modelInput() });
    const row = await getJudgeRow({ db, projectId: project.id, judgeId: v.id });
    const judge = createJudge(row);
    expect(judge.key).toBe(v.key);
    expect(createJudge(row)).toBe(judge);
    expect(() => createJudge({ ...row, kind: "program" })).toThrow(/program checks run without a judge/);
  });
});
