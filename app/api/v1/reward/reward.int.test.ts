// POST /api/v1/reward through its route: validation names the field and changes nothing, scopes
// decide who may call it, and a repeat is served from the judging cache.
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { judgments } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { authorize } from "@/lib/access/server/authorize";
import { reward } from "@/lib/api/contracts/reward";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { judgeItems } from "@/lib/judging/server/judge-trajectory";
import { loadRubricVersion } from "@/lib/judging/server/load-rubric";
import { loadTrajectories } from "@/lib/judging/server/load-trajectories";
import { makeRubric, modelCriterion, programCriteria, storeEpisodes, weatherEpisode } from "@/lib/judging/test-samples";
import { trajectoryInput } from "@/lib/trajectories/format";
import { hashTrajectory } from "@/lib/trajectories/server/account-context";
import { POST } from "./route";

const { db } = connectTestDb();

async function setup(scopes: ("read" | "ingest" | "judge" | "run")[] = ["judge"]) {
  const { project, users } = await makeProject(db);
  const version = await makeRubric(db, project.id, [...programCriteria, modelCriterion], {
    rule: "coverage-pass",
    threshold: 0.75,
  });
  const { key } = await createApiKey({ db, projectId: project.id, userId: null, input: { name: "trainer", scopes } });
  return { project, version, key, users };
}

const call = (key: string | null, body: unknown) =>
  POST(
    new Request("http://studio.test/api/v1/reward", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );

const cacheRows = async (rubricVersionId: string) =>
  (await db.select({ n: count() }).from(judgments).where(eq(judgments.rubricVersionId, rubricVersionId)))[0].n;

describe("POST /api/v1/reward", () => {
  it("answers rewards with the breakdown and the group, then serves a repeat from the cache", async () => {
    const { version, key } = await setup();
    const batch = [weatherEpisode(1), weatherEpisode(2), weatherEpisode(3, { broken: true })];
    const res = await call(key, { rubricVersionId: version.id, groupId: "step-7/prompt-3", trajectories: batch });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.groupId).toBe("step-7/prompt-3");
    expect(out.cache).toEqual({ hits: 0, judged: 9 });
    expect(out.results[0]).toMatchObject({
      index: 0,
      id: "weather-1",
      reward: 1,
      passed: true,
      notJudged: ["helpful"],
    });
    expect(out.results[0].criteria[3]).toMatchObject({
      criterionId: "helpful",
      value: null,
      error: "not judged: no model judge chosen",
    });
    expect(out.results[2]).toMatchObject({ reward: 0.5, passed: false });
    expect(out.group.n).toBe(3);
    expect(out.group.mean).toBeCloseTo(2.5 / 3);
    expect(out.results[2].advantage).toBeLessThan(0);
    expect(out.results[0].advantage).toBeGreaterThan(0);

    const again = await (await call(key, { rubricVersionId: version.id, trajectories: batch })).json();
    expect(again.cache).toEqual({ hits: 9, judged: 0 });
    expect(again.group).toBeNull();
    expect(again.results[0].advantage).toBeNull();
    expect(again.results.map((r: { reward: number }) => r.reward)).toEqual([1, 1, 0.5]);
    expect(again.results[0].criteria[0].cached).toBe(true);
  });

  it("hashes records as ingest does, so stored and sent episodes share the cache", async () => {
    const { project, version, key } = await setup();
    const [id] = await storeEpisodes(db, project.id, [weatherEpisode(5)]);
    const stored = await loadTrajectories(db, project.id, [id]);
    expect(stored[0].contentHash).toBe(hashTrajectory(trajectoryInput.parse(weatherEpisode(5))));
    const rubric = await loadRubricVersion(db, project.id, version.id);
    await judgeItems({ db, projectId: project.id, rubric, judge: null, items: stored });
    const out = await (await call(key, { rubricVersionId: version.id, trajectories: [weatherEpisode(5)] })).json();
    expect(out.cache).toEqual({ hits: 3, judged: 0 });
  });

  it("refuses bad input with a 400 naming the field, and changes nothing", async () => {
    const { version, key } = await setup();
    const bad = weatherEpisode(1) as { messages: { role: string }[] };
    bad.messages[2].role = "wizard";
    const cases: [unknown, string][] = [
      [
        { rubricVersionId: version.id, trajectories: [weatherEpisode(0), weatherEpisode(2), weatherEpisode(3), bad] },
        "trajectories[3].steps[2].message.role",
      ],
      [{ rubricVersionId: version.id, trajectories: [] }, "trajectories"],
      [
        { rubricVersionId: version.id, trajectories: Array.from({ length: 65 }, (_, i) => weatherEpisode(i)) },
        "trajectories",
      ],
      [{ rubricVersionId: "v1", trajectories: [weatherEpisode(1)] }, "rubricVersionId"],
      [{ rubricVersionId: crypto.randomUUID(), trajectories: [weatherEpisode(1)] }, "rubricVersionId"],
      [{ rubricVersionId: version.id, judgeId: crypto.randomUUID(), trajectories: [weatherEpisode(1)] }, "judgeId"],
    ];
    for (const [body, field] of cases) {
      const res = await call(key, body);
      expect(res.status, field).toBe(400);
      const { error } = await res.json();
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
    }
    expect(await cacheRows(version.id)).toBe(0);
  });

  it("admits API keys with the judge scope only: a read key, no key and a session are refused", async () => {
    const { version, key } = await setup(["read", "ingest", "run"]);
    const body = { rubricVersionId: version.id, trajectories: [weatherEpisode(1)] };
    expect((await call(key, body)).status).toBe(403);
    expect((await call(null, body)).status).toBe(401);
    const other = await setup(["judge"]);
    // another project's key does not see this project's rubric version
    const res = await call(other.key, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("rubricVersionId");
    const admin = other.users.admin;
    await expect(
      authorize({
        db,
        access: reward.access,
        caller: { kind: "user", userId: admin.id, email: admin.email, name: "admin" },
        projectId: undefined,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await cacheRows(version.id)).toBe(0);
  });
});
