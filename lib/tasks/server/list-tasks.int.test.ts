import { describe, expect, it } from "vitest";
import { taskSets, tasks } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { taskListQuery } from "../schemas";
import { listTasks } from "./list-tasks";

const { db } = connectTestDb();

describe("listTasks", () => {
  it("sorts numeric ids as numbers, searches prompts literally, and pages with a total", async () => {
    const { project } = await makeProject(db);
    const [set] = await db.insert(taskSets).values({ projectId: project.id, name: "s" }).returning();
    await db.insert(tasks).values(
      ["10", "2", "1", "100_%"].map((externalId) => ({
        projectId: project.id,
        taskSetId: set.id,
        externalId,
        prompt: `prompt ${externalId}`,
      })),
    );
    const list = (q: object) => listTasks({ db, projectId: project.id, query: taskListQuery.parse(q) });
    expect((await list({})).items.map((t) => t.externalId)).toEqual(["1", "2", "10", "100_%"]);
    expect((await list({ sort: "-externalId" })).items.map((t) => t.externalId)).toEqual(["100_%", "10", "2", "1"]);
    expect((await list({ q: "_%" })).items.map((t) => t.externalId)).toEqual(["100_%"]);
    const page = await list({ limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((t) => t.externalId)).toEqual(["10", "100_%"]);
  });
});
