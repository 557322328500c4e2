import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mcpServers, rubrics, rubricVersions, taskSets, tasks, toolSnapshots, tools, toolspaces } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { type Criterion, criterion } from "@/lib/rubrics/model";
import { serverConfigOfRow } from "@/lib/runtime/mcp/schemas";
import { episodeServersOf } from "@/lib/toolspaces/server/episode-servers";
import { bundledServers } from "@/toolspace/servers/index";
import { bundledServerConfig, OFFLINE_TASK_SET, OFFLINE_TOOLSPACE, seedOfflineToolspace } from "./demo-toolspace";

const { db } = connectTestDb();
// biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder the runtime fills per episode
const EPISODE_DIR = "${EPISODE_DIR}";

describe("seedOfflineToolspace", () => {
  it("creates the bundled toolspace, its tasks and one rubric per task, once", async () => {
    const { project } = await makeProject(db);
    const t0 = performance.now();
    const first = await seedOfflineToolspace(db, project.id);
    const ms = performance.now() - t0;
    const again = await seedOfflineToolspace(db, project.id);
    expect(again).toEqual(first);
    console.info(`[demo-toolspace] seeded in ${Math.round(ms)} ms`);

    const spaces = await db.select().from(toolspaces).where(eq(toolspaces.projectId, project.id));
    expect(spaces).toMatchObject([{ id: first.toolspaceId, name: OFFLINE_TOOLSPACE, source: "bundled" }]);
    const servers = await db.select().from(mcpServers).where(eq(mcpServers.toolspaceId, first.toolspaceId));
    expect(servers).toHaveLength(12);
    for (const s of servers) {
      expect(s.transport, s.name).toBe("stdio");
      expect(s.snapshotVersion, s.name).toBe(1);
      expect(s.description, s.name).not.toBe("");
      expect(serverConfigOfRow(s).ok, s.name).toBe(true);
    }
    const toolRows = await db.select().from(tools).where(eq(tools.toolspaceId, first.toolspaceId));
    expect(toolRows).toHaveLength(150);
    expect(toolRows.every((t) => (t.schemaTokens ?? 0) > 0)).toBe(true);
    const snaps = await db
      .select()
      .from(toolSnapshots)
      .where(
        inArray(
          toolSnapshots.serverId,
          servers.map((s) => s.id),
        ),
      );
    expect(snaps.map((s) => s.version)).toEqual(Array(12).fill(1));
    expect(snaps.reduce((n, s) => n + s.schemaTokens, 0)).toBe(toolRows.reduce((n, t) => n + (t.schemaTokens ?? 0), 0));

    // what an episode gets: every server startable, the placeholders left for the runtime
    const episode = await episodeServersOf(db, first.toolspaceId);
    expect(episode.reduce((n, s) => n + s.tools.length, 0)).toBe(150);
    const fs = episode.find((s) => s.name === "filesystem")?.connection;
    expect(fs).toMatchObject({ transport: "stdio", command: "node", args: [expect.any(String), EPISODE_DIR] });

    const [set] = await db.select().from(taskSets).where(eq(taskSets.projectId, project.id));
    expect(set).toMatchObject({ id: first.taskSetId, name: OFFLINE_TASK_SET, toolspaceId: first.toolspaceId });
    const taskRows = await db.select().from(tasks).where(eq(tasks.taskSetId, set.id));
    expect(taskRows.length).toBeGreaterThanOrEqual(30);
    const rubricRows = await db.select().from(rubrics).where(eq(rubrics.projectId, project.id));
    expect(rubricRows).toHaveLength(taskRows.length);

    // one task end to end: its reference, metadata and rubric
    const task = taskRows.find((t) => t.externalId === "OFF-02");
    expect(task).toMatchObject({
      reference: { tools: ["geo.get_country", "calculator.convert_currency"], answer: expect.stringContaining("JPY") },
      metadata: { category: "cross-server", servers: ["geo", "calculator"] },
    });
    const rubric = rubricRows.find((r) => r.taskId === task?.id);
    expect(rubric?.name).toBe("OFF-02 rubric");
    const versions = await db
      .select()
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricId, rubric?.id ?? "")));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, aggregation: { rule: "coverage-pass", threshold: 0.75 } });
    const criteria = (versions[0].criteria as Criterion[]).map((c) => criterion.parse(c));
    expect(criteria.filter((c) => c.verifier.kind === "model").map((c) => c.id)).toEqual([
      "claim-1",
      "claim-2",
      "claim-3",
    ]);
    expect(
      criteria.find((c) => c.verifier.kind === "program" && c.verifier.check.check === "tool-arguments"),
    ).toMatchObject({
      verifier: { check: { tool: "convert_currency", value: { from_currency: "EUR", to_currency: "JPY" } } },
    });
  });

  it("stores each server as the bundled registry starts it, with paths relative to the studio", () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    for (const s of bundledServers) {
      const live = s.config("/episode");
      const stored = bundledServerConfig(s.name);
      const resolve = (a: string) => {
        const filled = a.replace(EPISODE_DIR, "/episode");
        return filled.includes("/") && !path.isAbsolute(filled) ? path.join(root, filled) : filled;
      };
      expect(stored.args.map(resolve), s.name).toEqual(live.args);
      expect(Object.fromEntries(Object.entries(stored.env ?? {}).map(([k, v]) => [k, resolve(v)])), s.name).toEqual(
        live.env,
      );
    }
  });
});
