import { describe, expect, it } from "vitest";
import { labelSchemas, labels } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { trajectoryInput } from "../format";
import { exportTrajectories } from "./export-trajectories";
import { ingestTrajectories, validateRecords } from "./ingest-trajectories";

const { db } = connectTestDb();

describe("exportTrajectories", () => {
  it("writes every trajectory in the canonical format with its scores and labels, across pages", async () => {
    const { project, users } = await makeProject(db, { admin: 1, labeler: 1 });
    const records = Array.from({ length: 205 }, (_, i) => ({
      id: `ep-${i}`,
      task: { id: `t-${i % 3}` },
      loadingStrategy: "itl",
      messages: [
        { role: "user", content: `question ${i}` },
        { role: "assistant", content: `answer ${i}` },
      ],
      reward: i / 205,
      scores: [{ criterion: "correct", value: 1, rationale: "ok" }],
      metadata: { seed: i },
    }));
    const results = await ingestTrajectories({ db, projectId: project.id, items: validateRecords(records) });
    const [schema] = await db
      .insert(labelSchemas)
      .values({ projectId: project.id, name: "helpful", kind: "binary" })
      .returning();
    await db.insert(labels).values({
      projectId: project.id,
      trajectoryId: (results[7] as { id: string }).id,
      labelSchemaId: schema.id,
      key: "helpful",
      value: true,
      authorId: users.labeler.id,
    });

    const lines: string[] = [];
    for await (const line of exportTrajectories({ db, projectId: project.id })) lines.push(line);
    expect(lines).toHaveLength(205);
    const out = lines.map((l) => JSON.parse(l));
    const seven = out.find((r) => r.id === "ep-7");
    expect(seven).toMatchObject({
      format: "atlas.trajectory/v1",
      task: { id: "t-1" },
      loadingStrategy: "itl",
      reward: 7 / 205,
      scores: [{ criterion: "correct", value: 1, rationale: "ok" }],
      labels: [{ schema: "helpful", kind: "binary", value: true, author: users.labeler.email }],
      metadata: { seed: 7 },
    });
    expect(seven.steps.map((s: { message: unknown }) => s.message)).toEqual(records[7].messages);
    expect(seven.steps[1].context.history).toBeGreaterThan(0);
    // what comes out goes back in: the same ids answer "exists"
    const again = await ingestTrajectories({ db, projectId: project.id, items: validateRecords(out) });
    expect(new Set(again.map((r) => r.status))).toEqual(new Set(["exists"]));
    expect(trajectoryInput.safeParse(seven).success).toBe(true);
  });
});
