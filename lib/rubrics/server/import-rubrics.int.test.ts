import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { taskSets, tasks } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { parseMcpAtlasCsv } from "@/lib/imports/formats/mcp-atlas";
import { importMcpAtlasTasks } from "@/lib/tasks/server/import-mcp-atlas-tasks";
import { importTau2Tasks } from "@/lib/tasks/server/import-tau2-tasks";
import { diffRubric } from "./diff-rubric";
import { getRubric, getRubricVersion, listRubrics } from "./get-rubrics";
import { importDemoRubrics } from "./import-demo-rubrics";
import { importRubrics } from "./import-rubrics";
import { saveRubricVersion } from "./save-rubric";

const { db } = connectTestDb();
const fixture = (f: string) => fs.readFileSync(`../shared/fixtures/public/${f}`, "utf8");
const csv = fixture("sample_tasks.csv");
const tau2 = fixture("tasks.json");

describe("importing rubrics from the fixture files", () => {
  it("makes one claims rubric per MCP-Atlas task, linked to the task, and skips them the second time", async () => {
    const { project, users } = await makeProject(db);
    await importMcpAtlasTasks({ db, projectId: project.id, csv });
    const tasks = parseMcpAtlasCsv(csv);
    const first = await importRubrics({
      db,
      projectId: project.id,
      userId: users.admin.id,
      input: { format: "mcp-atlas-claims", content: csv },
    });
    const withClaims = tasks.filter((t) => t.claims.length).length;
    expect(first.created).toBe(withClaims);
    expect(first.created + first.skipped).toBe(tasks.length);
    expect(first.items.every((i) => i.status === "skipped" || i.taskId)).toBe(true);
    const list = await listRubrics({ db, projectId: project.id });
    expect(list).toHaveLength(withClaims);
    const one = list.find((r) => r.taskRef === tasks[0].externalId);
    expect(one).toMatchObject({ latestVersion: 1, criteria: tasks[0].claims.length, rule: "coverage-pass" });
    const again = await importRubrics({
      db,
      projectId: project.id,
      userId: null,
      input: { format: "mcp-atlas-claims", content: csv },
    });
    expect(again.created).toBe(0);
    expect(again.items[0].reason).toContain("exists");
  });

  it("makes tau2 rubrics with gold actions as program checks, linked to tau2 tasks over others of the same id", async () => {
    const { project } = await makeProject(db);
    // another benchmark's task with id "1" must not take the link
    const [other] = await db
      .insert(taskSets)
      .values({ projectId: project.id, name: "other", source: "mcp-atlas" })
      .returning();
    await db.insert(tasks).values({ projectId: project.id, taskSetId: other.id, externalId: "1", prompt: "other" });
    const { taskSetId } = await importTau2Tasks({ db, projectId: project.id, json: tau2 });
    const r = await importRubrics({
      db,
      projectId: project.id,
      userId: null,
      input: { format: "tau2", content: tau2 },
    });
    expect(r.created).toBe(JSON.parse(tau2).length);
    const item = r.items.find((i) => i.taskRef === "1")!;
    const rubric = await getRubric({ db, projectId: project.id, rubricId: item.rubricId! });
    expect(rubric.taskId).toBe(item.taskId);
    expect(rubric.taskSetId).toBeNull();
    const linkedTo = await db.query.tasks.findFirst({ where: (t, { eq }) => eq(t.id, item.taskId as string) });
    expect(linkedTo?.taskSetId).toBe(taskSetId);
    const v = rubric.versions[0];
    expect(v.aggregation).toEqual({ rule: "essential-gate", category: "Essential" });
    expect(v.criteria.some((c) => c.verifier.kind === "program")).toBe(true);
  });

  it("imports a list as one rubric, and names what is wrong in a bad file without creating anything", async () => {
    const { project } = await makeProject(db);
    const list = [
      { title: "Answers the question", description: "The final answer answers it", weight: 2 },
      { title: "Invents a flight", description: "", weight: -1 },
    ];
    const r = await importRubrics({
      db,
      projectId: project.id,
      userId: null,
      input: { format: "list", content: JSON.stringify(list), name: "Answers" },
    });
    expect(r).toMatchObject({ created: 1, skipped: 0, items: [{ name: "Answers", taskRef: null, status: "created" }] });
    const [summary] = await listRubrics({ db, projectId: project.id });
    expect(summary).toMatchObject({ criteria: 2, rule: "weighted-mean" });
    for (const [format, content, message] of [
      ["list", JSON.stringify([{ title: "x", weight: "heavy" }]), "[0].weight"],
      ["list", "not json", "not JSON"],
      ["tau2", "{}", "a list of tasks"],
      ["mcp-atlas-claims", tau2, "expected the MCP-Atlas CSV"],
    ] as const)
      await expect(
        importRubrics({ db, projectId: project.id, userId: null, input: { format, content } }),
      ).rejects.toMatchObject({ code: "VALIDATION", field: "content", message: expect.stringContaining(message) });
    expect(await listRubrics({ db, projectId: project.id })).toHaveLength(1);
  });

  it("imports the demo rubrics for a project: MCP-Atlas claims and tau2 airline criteria", async () => {
    const { project } = await makeProject(db);
    const { claims, tau2: t } = await importDemoRubrics({
      db,
      projectId: project.id,
      mcpAtlasCsv: csv,
      tau2TasksJson: tau2,
    });
    expect(claims.created).toBeGreaterThan(0);
    expect(t.created).toBe(JSON.parse(tau2).length);
    const again = await importDemoRubrics({ db, projectId: project.id, mcpAtlasCsv: csv, tau2TasksJson: tau2 });
    expect(again.claims.created + again.tau2.created).toBe(0);
  });
});

describe("versions and diffs", () => {
  it("reads a version by id and diffs any two versions by number, naming a missing one", async () => {
    const { project, users } = await makeProject(db);
    const r = await importRubrics({
      db,
      projectId: project.id,
      userId: users.admin.id,
      input: { format: "list", content: JSON.stringify([{ title: "A", description: "", weight: 1 }]) },
    });
    const rubricId = r.items[0].rubricId!;
    const v1 = (await getRubric({ db, projectId: project.id, rubricId })).versions[0];
    expect(v1.author).toBe("admin");
    await saveRubricVersion({
      db,
      projectId: project.id,
      rubricId,
      userId: null,
      input: { criteria: [{ ...v1.criteria[0], weight: 3 }], aggregation: v1.aggregation },
    });
    const latest = await diffRubric({ db, projectId: project.id, rubricId });
    expect(latest).toMatchObject({
      from: 1,
      to: 2,
      changes: [{ kind: "changed", field: "weight", before: 1, after: 3 }],
    });
    expect((await diffRubric({ db, projectId: project.id, rubricId, from: 2, to: 1 })).changes[0]).toMatchObject({
      before: 3,
      after: 1,
    });
    await expect(diffRubric({ db, projectId: project.id, rubricId, from: 1, to: 7 })).rejects.toMatchObject({
      field: "to",
    });
    const got = await getRubricVersion({ db, projectId: project.id, rubricId, versionId: v1.id });
    expect(got).toMatchObject({ version: 1, author: "admin" });
    const { project: other } = await makeProject(db);
    await expect(getRubricVersion({ db, projectId: other.id, rubricId, versionId: v1.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
