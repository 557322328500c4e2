import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tools as toolsTable } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { trajectoryInput } from "@/lib/trajectories/format";
import { accountTrajectory } from "@/lib/trajectories/server/account-context";
import { loadTokenizer } from "@/lib/trajectories/server/tokenizers";
import { toolListQuery } from "../schemas";
import { episodeServersOf } from "./episode-servers";
import { importCatalogue } from "./import-catalogue";
import { listServers } from "./list-servers";
import { listTools } from "./list-tools";
import { listToolspaces } from "./list-toolspaces";

const { db } = connectTestDb();

const catalogue = JSON.stringify([
  { name: "Weather", tools: { weather: { tools: [{ name: "get_weather" }, { name: "get_forecast" }] } } },
  { name: "Airbnb", tools: { airbnb: { tools: [{ name: "search_listings", description: "Find 100% matches" }] } } },
  { name: "Calc", tools: { Calculator: { tools: [{ name: "add" }] } } },
]);

describe("toolspace lists", () => {
  it("count servers and tools per toolspace, list servers regardless of case, and search tools literally", async () => {
    const { project } = await makeProject(db);
    const { toolspaceId } = await importCatalogue({ db, projectId: project.id, json: catalogue, name: "small" });
    expect(await listToolspaces({ db, projectId: project.id })).toMatchObject([
      { name: "small", servers: 3, tools: 4 },
    ]);
    const servers = await listServers({ db, projectId: project.id, toolspaceId });
    expect(servers.map((s) => [s.name, s.tools])).toEqual([
      ["airbnb", 1],
      ["Calculator", 1],
      ["weather", 2],
    ]);
    expect(servers.every((s) => (s.schemaTokens ?? 0) > 0)).toBe(true);
    const tools = (q: object) => listTools({ db, projectId: project.id, toolspaceId, query: toolListQuery.parse(q) });
    expect((await tools({})).items.map((t) => t.name)).toEqual([
      "search_listings",
      "add",
      "get_forecast",
      "get_weather",
    ]);
    expect((await tools({ q: "100%" })).items.map((t) => t.name)).toEqual(["search_listings"]);
    expect((await tools({ server: "weather", sort: "-name" })).items.map((t) => t.name)).toEqual([
      "get_weather",
      "get_forecast",
    ]);
    // an episode sees catalogue servers as offline, with their tools for context and retrieval
    const episode = await episodeServersOf(db, toolspaceId);
    expect(episode.map((s) => [s.name, s.connection.transport, s.tools.length])).toEqual([
      ["airbnb", "offline", 1],
      ["Calculator", "offline", 1],
      ["weather", "offline", 2],
    ]);
    expect(episode[0].tools[0]).toEqual({ name: "search_listings", description: "Find 100% matches", inputSchema: {} });
    const other = await makeProject(db);
    await expect(listServers({ db, projectId: other.project.id, toolspaceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("counts each tool's schema in o200k tokens as a trajectory does, and sums them per server and toolspace", async () => {
    const { project } = await makeProject(db);
    const json = fs.readFileSync(path.join(process.cwd(), "db/seed/data/tools.json"), "utf8");
    const { toolspaceId } = await importCatalogue({ db, projectId: project.id, json, name: "LiveMCPBench" });

    // counted here from the file, by hand, with a tokenizer that remembers nothing
    const o200k = loadTokenizer("o200k_base");
    type Def = { name: string; description?: string | null; inputSchema?: unknown };
    const expected = new Map<string, number>();
    const defs = new Map<string, Def>();
    for (const entry of JSON.parse(json) as { tools: Record<string, { tools: Def[] }> }[])
      for (const [server, { tools }] of Object.entries(entry.tools))
        for (const t of tools) {
          const text = JSON.stringify({ name: t.name, description: t.description ?? "", parameters: t.inputSchema });
          expected.set(`${server}/${t.name}`, o200k.count(text));
          defs.set(`${server}/${t.name}`, t);
        }

    const rows = await listTools({
      db,
      projectId: project.id,
      toolspaceId,
      query: toolListQuery.parse({ limit: 500 }),
    });
    const rest = await listTools({
      db,
      projectId: project.id,
      toolspaceId,
      query: toolListQuery.parse({ limit: 500, offset: 500 }),
    });
    const items = [...rows.items, ...rest.items];
    expect(items).toHaveLength(527);
    expect(items.every((t) => (t.schemaTokens ?? 0) > 0)).toBe(true);
    expect(new Map(items.map((t) => [`${t.server}/${t.name}`, t.schemaTokens]))).toEqual(expected);

    const servers = await listServers({ db, projectId: project.id, toolspaceId });
    expect(servers).toHaveLength(70);
    for (const s of servers)
      expect(s.schemaTokens).toBe(
        items.filter((t) => t.server === s.name).reduce((sum, t) => sum + (t.schemaTokens ?? 0), 0),
      );
    const total = items.reduce((sum, t) => sum + (t.schemaTokens ?? 0), 0);
    const [space] = await listToolspaces({ db, projectId: project.id });
    expect(space.schemaTokens).toBe(total);

    // a trajectory with the costliest of these tools loaded pays exactly its schema tokens (the
    // definition as the file gives it: jsonb does not keep the key order)
    const tool = items.reduce((a, b) => ((b.schemaTokens ?? 0) > (a.schemaTokens ?? 0) ? b : a));
    const def = defs.get(`${tool.server}/${tool.name}`)!;
    const record = trajectoryInput.parse({
      tools: [{ name: def.name, description: def.description ?? "", inputSchema: def.inputSchema }],
      initialTools: [def.name],
      messages: [{ role: "user", content: "hi" }],
    });
    const accounted = accountTrajectory(record, loadTokenizer("o200k_base"));
    expect(accounted.steps[0].context.toolSchemas).toBe(tool.schemaTokens);
  });

  it("leaves the sums uncounted while a tool of theirs was imported before schemas were counted", async () => {
    const { project } = await makeProject(db);
    const { toolspaceId } = await importCatalogue({ db, projectId: project.id, json: catalogue, name: "old" });
    const servers = await listServers({ db, projectId: project.id, toolspaceId });
    const weather = servers.find((s) => s.name === "weather")!;
    await db.update(toolsTable).set({ schemaTokens: null }).where(eq(toolsTable.serverId, weather.id));
    const after = await listServers({ db, projectId: project.id, toolspaceId });
    expect(after.map((s) => [s.name, s.schemaTokens === null])).toEqual([
      ["airbnb", false],
      ["Calculator", false],
      ["weather", true],
    ]);
    expect((await listToolspaces({ db, projectId: project.id }))[0].schemaTokens).toBeNull();
  });
});
