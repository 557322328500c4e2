import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trajectories, trajectorySteps } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { ingestTrajectories, validateRecords } from "./ingest-trajectories";

const { db } = connectTestDb();

const episode = (id?: string) => ({
  ...(id ? { id } : {}),
  task: { id: "t-1" },
  policy: { model: "gpt-4o-mini" },
  tools: [{ name: "weather_get", description: "Weather for a city", inputSchema: { type: "object" } }],
  messages: [
    { role: "system", content: "You are helpful." },
    { role: "user", content: "Weather in Paris?" },
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "c1", type: "function", function: { name: "weather_get", arguments: '{"city":"Paris"}' } }],
    },
    { role: "tool", tool_call_id: "c1", content: "18 C, sunny" },
    { role: "assistant", content: "It is 18 C and sunny in Paris." },
  ],
  reward: 1,
  outcome: "pass",
});

describe("ingestTrajectories", () => {
  it("answers per record, derives context accounting, and changes nothing on a second ingest", async () => {
    const { project } = await makeProject(db);
    const batch = [episode("a"), { messages: [{ role: "wizard" }] }, episode()];
    const run = () =>
      db.transaction((tx) => ingestTrajectories({ db: tx, projectId: project.id, items: validateRecords(batch) }));
    const first = await run();
    expect(first.map((r) => r.status)).toEqual(["created", "invalid", "created"]);
    expect(first[1]).toMatchObject({ errors: [{ path: "steps.0.message.role" }] });
    expect(first[2]).toMatchObject({ clientId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const second = await run();
    expect(second.map((r) => r.status)).toEqual(["exists", "invalid", "exists"]);
    expect(second[0]).toMatchObject({ id: (first[0] as { id: string }).id });

    const rows = await db.select().from(trajectories).where(eq(trajectories.projectId, project.id));
    expect(rows).toHaveLength(2);
    const a = rows.find((r) => r.clientId === "a");
    expect(a).toMatchObject({ taskRef: "t-1", toolsUsed: ["weather_get"], toolCallCount: 1, stepCount: 5 });
    expect(a?.tokenizer).toBe("o200k_base");
    const steps = await db
      .select()
      .from(trajectorySteps)
      .where(eq(trajectorySteps.trajectoryId, a?.id as string))
      .orderBy(trajectorySteps.index);
    // the last assistant step saw the system prompt, two history messages and one tool output
    const ctx = steps[4].context as { system: number; history: number; toolOutputs: number; toolSchemas: number };
    expect(ctx.system).toBe(steps[0].tokens);
    expect(ctx.history).toBe((steps[1].tokens ?? 0) + (steps[2].tokens ?? 0));
    expect(ctx.toolOutputs).toBe(steps[3].tokens);
    expect(ctx.toolSchemas).toBe(0);
    expect(a?.peakContextTokens).toBe(steps.reduce((n, s) => n + (s.tokens ?? 0), 0));
  });

  it("refuses a runId from outside the project", async () => {
    const { project } = await makeProject(db);
    const [r] = await ingestTrajectories({
      db,
      projectId: project.id,
      items: validateRecords([{ ...episode("x"), runId: "00000000-0000-4000-8000-000000000000" }]),
    });
    expect(r).toMatchObject({ status: "invalid", errors: [{ path: "runId" }] });
  });
});
