// Retrieval over the real 527-tool catalogue; the expected answers were read off tools.json.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "@/lib/toolspaces/server/import-catalogue";
import { catalogueTools } from "./catalogue";
import { SUMMARY_MAX } from "./summary";
import { buildToolIndex, type RetrievalTool, searchTools } from "./tool-index";

const tools = catalogueTools(parseCatalogue(fs.readFileSync("db/seed/data/tools.json", "utf8")));
const index = buildToolIndex(tools);
const names = (query: string, k: number) => searchTools(index, query, k).map((h) => `${h.server}/${h.name}`);

// Nested properties count: the index reads them too (generate_dual_axes_chart has axisYTitle
// inside its series items).
function withParameter(parameter: string) {
  return tools
    .filter((t) => JSON.stringify(t.inputSchema ?? {}).includes(`"${parameter}":`))
    .map((t) => `${t.server}/${t.name}`)
    .sort();
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("search_tools over the LiveMCPBench catalogue", () => {
  it("indexes every tool of every server", () => {
    expect(tools).toHaveLength(527);
    expect(new Set(tools.map((t) => t.server)).size).toBe(70);
  });

  it("finds the weather tools for a weather question", () => {
    const top = names("what will the weather be like in Berlin tomorrow", 5);
    expect(top).toContain("weather/get_weather");
    expect(top).toContain("weather/get_weather_by_city");
    expect(names("forecast", 5)[0]).toBe("weather/get_weather");
  });

  it("puts the Wikipedia search tool in the top three for a Wikipedia search", () => {
    expect(names("search wikipedia articles", 3)).toContain("wikipedia/search_wikipedia");
  });

  it("finds the tools that take a parameter named in the query", () => {
    for (const parameter of ["axisYTitle", "paragraph_index", "nct_id"]) {
      const expected = withParameter(parameter);
      expect(expected.length).toBeGreaterThanOrEqual(5);
      expect(names(parameter, expected.length).sort()).toEqual(expected);
    }
  });

  it("ranks a tool first when the query is its exact name", () => {
    expect(names("bing_search", 1)).toEqual(["bing-cn-mcp/bing_search"]);
    expect(names("get_weather_by_city", 1)).toEqual(["weather/get_weather_by_city"]);
  });

  it("matches Chinese descriptions character by character", () => {
    expect(names("火车站", 3)).toContain("12306-mcp/get-stations-code-in-city");
  });

  it("respects k and returns only tools that share a query term", () => {
    expect(searchTools(index, "search", 7)).toHaveLength(7);
    expect(searchTools(index, "search", 1)).toHaveLength(1);
    const all = searchTools(index, "precipitation", 1000);
    expect(all.map((h) => h.name).sort()).toEqual(["get_weather", "get_weather_by_city"]);
    for (const hit of searchTools(index, "file", 50)) expect(hit.score).toBeGreaterThan(0);
  });

  it("gives nothing for an empty query or words the catalogue does not have", () => {
    expect(searchTools(index, "", 5)).toEqual([]);
    expect(searchTools(index, "   ", 5)).toEqual([]);
    expect(searchTools(index, "xyzzy quuxle", 5)).toEqual([]);
  });

  it("ranks the same whatever the order the tools were indexed in", () => {
    const queries = ["search", "read a file", "create a slide with a chart", "stock price history", "get"];
    for (const seed of [1, 7]) {
      const other = buildToolIndex(shuffled(tools, seed) as RetrievalTool[]);
      for (const q of queries) expect(searchTools(other, q, 20)).toEqual(searchTools(index, q, 20));
    }
  });

  it("summarises every tool in one line of at most 160 characters", () => {
    for (const hit of searchTools(index, "get list search create file data", 1000)) {
      expect(hit.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(hit.summary).not.toMatch(/\n/);
    }
    expect(names("weather", 1)).toHaveLength(1);
    expect(searchTools(index, "get_weather", 1)[0].summary).toBe(
      "Get current weather and forecast for a specific location.",
    );
  });
});
