import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { toolListQuery } from "../schemas";
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
    const other = await makeProject(db);
    await expect(listServers({ db, projectId: other.project.id, toolspaceId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
