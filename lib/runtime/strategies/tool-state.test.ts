// Loading strategies over the real 527-tool LiveMCPBench catalogue; expected names were read off
// tools.json (13 tool names are held by 30 tools on more than one server, e.g. read_file by filesystem and
// desktop-commander).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalogue } from "@/lib/toolspaces/server/import-catalogue";
import { buildCatalogue, catalogueFromEntries } from "./catalogue";
import { META_TOOLS, openAiTool } from "./meta-tools";
import { DEFAULT_PROMPTS, renderPrompt, unknownPlaceholders } from "./prompts";
import { createToolState } from "./tool-state";

const catalogue = catalogueFromEntries(parseCatalogue(fs.readFileSync("db/seed/data/tools.json", "utf8")));
const names = (s: { tools(): { name: string }[] }) => s.tools().map((t) => t.name);

describe("the catalogue's naming rule", () => {
  it("keeps every tool, qualifying only names held by several servers", () => {
    expect(catalogue.tools).toHaveLength(527);
    expect(catalogue.servers).toHaveLength(70);
    expect(new Set(catalogue.tools.map((t) => t.name)).size).toBe(527);
    const qualified = catalogue.tools.filter((t) => t.name !== t.toolName).map((t) => t.name);
    expect(qualified).toContain("filesystem.read_file");
    expect(qualified).toContain("desktop-commander.read_file");
    expect(qualified).toContain("biomcp.search");
    expect(qualified).toHaveLength(30);
    expect(catalogue.tools.find((t) => t.qualifiedName === "weather.get_weather")?.name).toBe("get_weather");
  });
});

describe("the naming rule on a small catalogue", () => {
  it("qualifies a tool named like a meta-tool, and describes a server without a description by its tools", async () => {
    const small = buildCatalogue(
      [
        { name: "search_tools", server: "docs", description: "Search the docs." },
        { name: "get_page", server: "docs", description: "Read a page." },
      ],
      {},
    );
    expect(small.tools.map((t) => t.name)).toEqual(["docs.search_tools", "get_page"]);
    expect(small.servers).toEqual([{ name: "docs", description: "2 tools: search_tools, get_page" }]);
    const s = createToolState({ strategy: "itl", catalogue: small });
    const r = await s.handleMetaCall("load_tools", { names: ["docs.search_tools"] });
    expect(r.loaded).toEqual(["docs.search_tools"]);
    expect(names(s)).toEqual(["search_tools", "load_tools", "unload_tools", "docs.search_tools"]);
  });
});

describe("eager", () => {
  it("puts every tool schema in the context and has no meta-tools", async () => {
    const s = createToolState({ strategy: "eager", catalogue });
    expect(s.tools()).toHaveLength(527);
    expect(s.isMeta("load_tools")).toBe(false);
    expect(s.resolveCall("desktop-commander.read_file")).toMatchObject({ tool: { server: "desktop-commander" } });
    const r = await s.handleMetaCall("load_tools", { names: ["fetch"] });
    expect(r.isError).toBe(true);
    expect(r.result).toContain("not a meta-tool of the eager strategy");
  });
});

describe("isl", () => {
  it("lists the servers and starts with load_server alone", () => {
    const s = createToolState({ strategy: "isl", catalogue });
    expect(names(s)).toEqual(["load_server"]);
    expect(s.systemPrompt()).toContain(
      "- filesystem: Node.js server implementing Model Context Protocol (MCP) for filesystem operations.\n",
    );
    expect(s.systemPrompt().match(/^- /gm)).toHaveLength(70);
  });

  it("load_server adds exactly that server's tools, once", async () => {
    const s = createToolState({ strategy: "isl", catalogue });
    const r = await s.handleMetaCall("load_server", JSON.stringify({ name: "filesystem" }));
    const own = catalogue.tools.filter((t) => t.server === "filesystem").map((t) => t.name);
    expect(own).toHaveLength(12);
    expect(r).toMatchObject({ isError: false, loaded: own, unloaded: [] });
    expect(names(s)).toEqual(["load_server", ...own]);
    expect(s.resolveCall("filesystem.read_file")).toMatchObject({ tool: { server: "filesystem" } });
    expect(s.resolveCall("get_weather")).toEqual({
      error: 'get_weather is not loaded; load its server with load_server("weather")',
    });
    const again = await s.handleMetaCall("load_server", { name: "filesystem" });
    expect(again).toMatchObject({ isError: false, loaded: [] });
    expect(again.result).toContain("already loaded");
  });

  it("names the fix for an unknown server and loads nothing", async () => {
    const s = createToolState({ strategy: "isl", catalogue });
    const r = await s.handleMetaCall("load_server", { name: "arxiv" });
    expect(r.isError).toBe(true);
    expect(r.result).toBe("no server is named arxiv; did you mean arxiv-mcp-server, mcp-simple-arxiv?");
    expect((await s.handleMetaCall("load_server", {})).result).toContain("needs name");
    expect(names(s)).toEqual(["load_server"]);
  });
});

describe("itl", () => {
  it("searches, loads, and unloads", async () => {
    const s = createToolState({ strategy: "itl", catalogue });
    expect(names(s)).toEqual(["search_tools", "load_tools", "unload_tools"]);
    const found = await s.handleMetaCall("search_tools", { query: "weather forecast for a city", k: 3 });
    expect(found.isError).toBe(false);
    expect(found.result.split("\n")).toHaveLength(3);
    expect(found.result).toContain("get_weather_by_city (weather): Get weather for a city by name using geocoding.");
    expect(found.loaded).toEqual([]);

    const load = await s.handleMetaCall("load_tools", {
      names: ["get_weather_by_city", "exchange-rate-mcp.exchange_rate"],
    });
    expect(load).toMatchObject({ isError: false, loaded: ["get_weather_by_city", "exchange_rate"] });
    expect(names(s)).toEqual([
      ...names({ tools: () => [META_TOOLS.search_tools] }),
      "load_tools",
      "unload_tools",
      "get_weather_by_city",
      "exchange_rate",
    ]);
    expect((await s.handleMetaCall("search_tools", { query: "weather city", k: 1 })).result).toContain("[loaded]");

    const unload = await s.handleMetaCall("unload_tools", { names: ["get_weather_by_city", "get_weather"] });
    expect(unload).toMatchObject({ isError: false, loaded: [], unloaded: ["get_weather_by_city"] });
    expect(unload.result).toBe("unloaded get_weather_by_city; not loaded get_weather");
    expect(s.loadedNames()).toEqual(["exchange_rate"]);
    expect(s.resolveCall("get_weather_by_city")).toEqual({
      error: "get_weather_by_city is not loaded; load it with load_tools",
    });
    expect(s.resolveCall("exchange_rate")).toMatchObject({ tool: { server: "exchange-rate-mcp" } });
    const def = s.tools().at(-1);
    const source = catalogue.tools.find((t) => t.name === "exchange_rate");
    expect(def).toEqual({ name: "exchange_rate", description: source?.description, inputSchema: source?.inputSchema });
  });

  it("rejects unknown and ambiguous names, loading none of the call", async () => {
    const s = createToolState({ strategy: "itl", catalogue });
    const r = await s.handleMetaCall("load_tools", { names: ["get_weather", "get_wether", "read_file"] });
    expect(r.isError).toBe(true);
    expect(r.result).toBe(
      "nothing loaded: no tool is named get_wether; read_file is on several servers; use one of desktop-commander.read_file, filesystem.read_file",
    );
    expect(s.loadedNames()).toEqual([]);
    expect((await s.handleMetaCall("unload_tools", { names: ["nope"] })).result).toBe(
      "nothing unloaded: no tool is named nope",
    );
    expect((await s.handleMetaCall("search_tools", { query: "x", k: 99 })).result).toBe(
      "k must be a whole number from 1 to 20",
    );
    expect((await s.handleMetaCall("load_tools", "{bad")).result).toBe("load_tools: arguments are not valid JSON");
    expect((await s.handleMetaCall("run_program", { code: "return 1" })).result).toContain(
      "not a meta-tool of the itl",
    );
  });

  it("takes initial tools by shown or qualified name and refuses ambiguous ones", () => {
    const s = createToolState({ strategy: "itl", catalogue, initialTools: ["fetch.fetch", "get_weather"] });
    expect(s.loadedNames()).toEqual(["fetch.fetch", "get_weather"]);
    expect(() => createToolState({ strategy: "itl", catalogue, initialTools: ["fetch"] })).toThrow(
      "initialTools: fetch is on several servers; use one of biomcp.fetch, fetch.fetch",
    );
  });
});

describe("itl-ptc", () => {
  it("run_program calls only loaded tools, through the host", async () => {
    const calls: string[] = [];
    const s = createToolState({
      strategy: "itl-ptc",
      catalogue,
      callTool: async (name, args, tool) => {
        calls.push(`${tool.qualifiedName} ${JSON.stringify(args)}`);
        return { tool: name, ok: true };
      },
    });
    await s.handleMetaCall("load_tools", { names: ["get_weather", "filesystem.read_file"] });
    await s.handleMetaCall("unload_tools", { names: ["get_weather"] });
    const r = await s.handleMetaCall("run_program", {
      code: `console.log(Object.keys(tools).join(","));
const f = await filesystem_read_file({ path: "/a" });
return [f.tool, typeof get_weather, typeof tools["get_weather"]];`,
    });
    expect(r).toMatchObject({ isError: false, loaded: [], unloaded: [] });
    expect(r.result).toBe(
      'program finished (1 tool call)\nreturned: ["filesystem.read_file","undefined","undefined"]\noutput:\nfilesystem.read_file',
    );
    expect(calls).toEqual(['filesystem.read_file {"path":"/a"}']);
  });

  it("reports a program's error with its line, and a missing host", async () => {
    const s = createToolState({ strategy: "itl-ptc", catalogue, callTool: async () => 1 });
    const r = await s.handleMetaCall("run_program", { code: "const a = 1;\nawait tools.get_weather({});" });
    expect(r.isError).toBe(true);
    expect(r.result).toMatch(/^program failed at line 2 \(0 tool calls\): TypeError: /);
    const bare = createToolState({ strategy: "itl-ptc", catalogue });
    expect((await bare.handleMetaCall("run_program", { code: "return 1" })).result).toContain("no tool host");
  });
});

describe("prompt templates", () => {
  it("fill their placeholders and name the ones a strategy lacks", () => {
    for (const [strategy, template] of Object.entries(DEFAULT_PROMPTS)) {
      expect(unknownPlaceholders(strategy as keyof typeof DEFAULT_PROMPTS, template)).toEqual([]);
      expect(
        createToolState({ strategy: strategy as keyof typeof DEFAULT_PROMPTS, catalogue }).systemPrompt(),
      ).not.toContain("{{");
    }
    expect(unknownPlaceholders("eager", "Hi {{servers}} {{k}}")).toEqual(["servers", "k"]);
    expect(() => createToolState({ strategy: "itl", catalogue, prompt: "{{servers}}" })).toThrow(
      "the itl prompt uses {{servers}}, which it does not fill",
    );
    expect(
      renderPrompt("itl", "k={{ k }} of {{tool_count}}", {
        servers: "",
        server_count: 1,
        tool_count: 2,
        k: 5,
        max_k: 20,
        time_ms: 1,
        max_tool_calls: 1,
      }),
    ).toBe("k=5 of 2");
  });

  it("meta-tools have the OpenAI function form", () => {
    expect(openAiTool(META_TOOLS.search_tools)).toEqual({
      type: "function",
      function: {
        name: "search_tools",
        description: META_TOOLS.search_tools.description,
        parameters: META_TOOLS.search_tools.inputSchema,
      },
    });
  });
});
