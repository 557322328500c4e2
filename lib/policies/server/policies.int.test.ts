import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policies } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { content, type OpenAITestServer, startOpenAITestServer, status, toolCalls } from "@/test/openai-test-server";
import { deletePolicy } from "./delete-policy";
import { getPolicy } from "./get-policy";
import { listPolicies } from "./list-policies";
import { policyConfigOf } from "./policy-config";
import { addPolicy, updatePolicy } from "./save-policy";
import { testPolicy } from "./test-policy";

const { db } = connectTestDb();
let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(async () => server?.close());

const input = (over: object = {}) => ({
  name: "Qwen3-4B on vLLM",
  baseUrl: server.url,
  model: "Qwen/Qwen3-4B",
  apiKey: "sk-secret-123",
  ...over,
});

describe("policies", () => {
  it("store the API key server-side only: views say hasApiKey, the episode config carries the key", async () => {
    const { project } = await makeProject(db);
    const view = await addPolicy({ db, projectId: project.id, input: input({ temperature: 0.2 }) });
    expect(view).toMatchObject({
      name: "Qwen3-4B on vLLM",
      hasApiKey: true,
      temperature: 0.2,
      maxTokens: 2048,
      contextWindow: 32768,
      tokenizer: "qwen3",
      timeoutMs: 120000,
    });
    const args = { db, projectId: project.id, policyId: view.id };
    for (const v of [view, await getPolicy(args), ...(await listPolicies({ db, projectId: project.id }))])
      expect(JSON.stringify(v)).not.toContain("sk-secret-123");

    const [row] = await db.select().from(policies).where(eq(policies.id, view.id));
    expect(policyConfigOf(row)).toEqual({
      name: "Qwen3-4B on vLLM",
      baseUrl: server.url,
      model: "Qwen/Qwen3-4B",
      apiKey: "sk-secret-123",
      temperature: 0.2,
      maxTokens: 2048,
      contextWindow: 32768,
      tokenizer: "qwen3",
      timeoutMs: 120000,
    });

    // left out on update: kept; null: removed
    const renamed = await updatePolicy({ ...args, input: { ...input({ name: "renamed" }), apiKey: undefined } });
    expect(renamed).toMatchObject({ name: "renamed", hasApiKey: true });
    expect(await updatePolicy({ ...args, input: input({ apiKey: null }) })).toMatchObject({ hasApiKey: false });

    const other = await makeProject(db);
    await expect(getPolicy({ ...args, projectId: other.project.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deletePolicy(args);
    expect(await listPolicies({ db, projectId: project.id })).toEqual([]);
  });

  it("names the field of bad settings", async () => {
    const { project } = await makeProject(db);
    const bad = (over: object) => addPolicy({ db, projectId: project.id, input: input(over) });
    await expect(bad({ baseUrl: "localhost:8000" })).rejects.toMatchObject({ issues: [{ path: ["baseUrl"] }] });
    await expect(bad({ tokenizer: "gpt2" })).rejects.toMatchObject({ issues: [{ path: ["tokenizer"] }] });
    await expect(bad({ temperature: 3 })).rejects.toMatchObject({ issues: [{ path: ["temperature"] }] });
    await expect(bad({ model: " " })).rejects.toMatchObject({ issues: [{ path: ["model"] }] });
    expect(await listPolicies({ db, projectId: project.id })).toEqual([]);
  });

  it("test: one chat with a tiny tool, answered with a tool call, in text, or with the endpoint's error", async () => {
    const { project } = await makeProject(db);
    const view = await addPolicy({ db, projectId: project.id, input: input() });
    const args = { db, projectId: project.id, policyId: view.id };

    server.reset();
    server.script(toolCalls([{ name: "get_weather", arguments: { city: "Paris" } }]));
    const called = await testPolicy(args);
    expect(called).toMatchObject({ ok: true, toolCall: true, error: null, promptTokens: 100 });
    expect(called.answer).toBe('get_weather({"city":"Paris"})');
    const [req] = server.requests;
    expect(req.headers.authorization).toBe("Bearer sk-secret-123");
    expect(req.body).toMatchObject({ model: "Qwen/Qwen3-4B", tool_choice: "auto" });
    expect(((req.body?.tools ?? []) as { function: { name: string } }[]).map((t) => t.function.name)).toEqual([
      "get_weather",
    ]);

    server.script(content("It is sunny."));
    expect(await testPolicy(args)).toMatchObject({ ok: true, toolCall: false, answer: "It is sunny." });

    server.script(status(404, '{"error":{"message":"model not found"}}'));
    const failed = await testPolicy(args);
    expect(failed).toMatchObject({ ok: false, toolCall: false });
    expect(failed.error).toMatch(/404.*model not found/);
    // no retries: one request per test
    expect(server.requests).toHaveLength(3);
  });
});
