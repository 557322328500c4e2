import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trajectories } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { ingestBody } from "../schemas";
import { episode } from "../test-samples";
import { ingestBatch } from "./ingest-batch";

const { db } = connectTestDb();

/** canonical records: tool-call arguments are the JSON text the model wrote */
const canonical = (n: number) => {
  const { messages, id, reward } = episode(n);
  const call = messages[2] as { tool_calls: { function: { arguments: unknown } }[] };
  call.tool_calls[0].function.arguments = JSON.stringify(call.tool_calls[0].function.arguments);
  return { id, messages, reward, task: { id: `q-${n}` } };
};

describe("ingestBatch", () => {
  it("answers per record with counts, naming bad fields by the client's own paths", async () => {
    const { project } = await makeProject(db);
    const bad = canonical(2);
    (bad.messages[3] as { tool_call_id?: string }).tool_call_id = "";
    const r = await ingestBatch({ db, projectId: project.id, records: [canonical(1), bad, { steps: [] }] });
    expect(r.counts).toEqual({ created: 1, exists: 0, invalid: 2 });
    expect(r.results[0]).toMatchObject({ index: 0, status: "created", clientId: "rollout-1", errors: [] });
    expect(r.results[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.results[1]).toMatchObject({
      index: 1,
      status: "invalid",
      id: null,
      errors: [{ path: "messages.3.tool_call_id", message: "a tool message needs tool_call_id" }],
    });
    expect(r.results[2]).toMatchObject({
      errors: [{ path: "steps", message: "a trajectory needs at least one step" }],
    });
  });

  it("is idempotent by client id and by content when there is no id", async () => {
    const { project } = await makeProject(db);
    const noId = { ...canonical(3), id: undefined };
    const batch = [canonical(1), noId];
    const first = await ingestBatch({ db, projectId: project.id, records: batch });
    const second = await ingestBatch({ db, projectId: project.id, records: batch });
    expect(first.counts).toEqual({ created: 2, exists: 0, invalid: 0 });
    expect(second.counts).toEqual({ created: 0, exists: 2, invalid: 0 });
    expect(second.results.map((x) => x.id)).toEqual(first.results.map((x) => x.id));
    expect(first.results[1].clientId).toMatch(/^sha256:/);
    const [{ n }] = await db.select({ n: count() }).from(trajectories).where(eq(trajectories.projectId, project.id));
    expect(n).toBe(2);
  });

  it("takes at most 1000 records a request", () => {
    expect(ingestBody.safeParse({ trajectories: new Array(1001).fill({}) }).error?.issues[0].message).toMatch(
      /at most 1000/,
    );
    expect(ingestBody.safeParse({ trajectories: [] }).success).toBe(false);
  });
});
