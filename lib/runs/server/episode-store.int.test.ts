// The episode sink over the database: the row exists from the start, each step is there the
// moment it is handed over, a cut tool result is kept in full as an artifact, the end fills the
// columns ingest derives, and a second attempt of the same episode replaces the first.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { artifacts, trajectories, trajectorySteps } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import type { EpisodeHeader } from "@/lib/runtime/episode/types";
import { getStorage } from "@/lib/storage/server/storage";
import { episodeStore } from "./episode-store";

const { db } = connectTestDb();

const header: EpisodeHeader = {
  task: { id: "OFF-01", prompt: "How far is Lisbon from Tokyo?" },
  policy: { name: "oracle", model: "oracle" },
  loadingStrategy: "itl",
  contextLimit: 32_768,
  tokenizer: "o200k_base",
  tools: [{ name: "geo.calculate_distance", description: "Distance between two cities", inputSchema: {} }],
  initialTools: [],
  metadata: { sample: 0 },
};

describe("episodeStore", () => {
  it("writes as it goes and derives the list columns at the end", async () => {
    const { project } = await makeProject(db);
    const store = episodeStore({ db, projectId: project.id, runId: null, taskId: null, clientId: "ep-1" });
    await store.start(header);
    const id = store.trajectoryId() as string;
    const [open] = await db.select().from(trajectories).where(eq(trajectories.id, id));
    expect(open).toMatchObject({ outcome: null, taskRef: "OFF-01", loadingStrategy: "itl", stepCount: 0 });

    await store.step({ message: { role: "user", content: header.task.prompt }, toolsLoaded: [], toolsUnloaded: [] }, 0);
    expect(await db.select().from(trajectorySteps).where(eq(trajectorySteps.trajectoryId, id))).toHaveLength(1);
    await store.step(
      {
        message: {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "c1", type: "function", function: { name: "geo.calculate_distance", arguments: "{}" } }],
        },
        toolsLoaded: ["geo.calculate_distance"],
        toolsUnloaded: [],
        latencyMs: 12,
      },
      1,
    );
    const ref = await store.storeFull("x".repeat(50_000), 2);
    const [a] = await db
      .select()
      .from(artifacts)
      .where(eq(artifacts.id, ref.replace("artifact:", "")));
    expect(a.bytes).toBe(50_000);
    expect(await getStorage().size(a.key)).toBe(50_000);
    await store.step(
      {
        message: { role: "tool", tool_call_id: "c1", content: `11142.6 km [cut: ${ref}]` },
        toolsLoaded: [],
        toolsUnloaded: [],
      },
      2,
    );
    await store.step(
      { message: { role: "assistant", content: "About 11,143 km." }, toolsLoaded: [], toolsUnloaded: [] },
      3,
    );
    await store.end({ outcome: "pass", finalAnswer: "About 11,143 km.", stopReason: "answered", metadata: {} });

    const [done] = await db.select().from(trajectories).where(eq(trajectories.id, id));
    expect(done).toMatchObject({
      outcome: "pass",
      finalAnswer: "About 11,143 km.",
      stepCount: 4,
      toolCallCount: 1,
      toolsUsed: ["geo.calculate_distance"],
      durationMs: 12,
      metadata: { sample: 0, stopReason: "answered" },
    });
    expect(done.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(done.peakContextTokens).toBeGreaterThan(0);
    const steps = await db.select().from(trajectorySteps).where(eq(trajectorySteps.trajectoryId, id));
    // the loaded tool's schema counts from the step after the one that loaded it
    const byIndex = new Map(steps.map((s) => [s.index, s.context as { toolSchemas: number }]));
    expect(byIndex.get(1)?.toolSchemas).toBe(0);
    expect(byIndex.get(2)?.toolSchemas).toBeGreaterThan(0);

    const again = episodeStore({ db, projectId: project.id, runId: null, taskId: null, clientId: "ep-1" });
    await again.start(header);
    expect(again.replaced()).toBe(true);
    expect(await db.select().from(trajectories).where(eq(trajectories.id, id))).toHaveLength(0);
    expect(await db.select().from(trajectorySteps).where(eq(trajectorySteps.trajectoryId, id))).toHaveLength(0);
  });
});
