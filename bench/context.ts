// Context tokens per loading strategy (eager, ISL, ITL, ITL+PTC) on the 527-tool LiveMCPBench
// catalogue, counted in o200k_base with the text trajectories are accounted with
// (toolSchemaText, accountTrajectory), each also as a percentage of eager in the same run.
// Run: npm run bench:context
//
// First turn: the system prompt plus every tool schema in the context before the first model
// call (meta-tools included); the task's user message is the same for all strategies and is
// left out. Episodes: SCRIPTED, not a model's. Each strategy runs the same task, which needs
// get_weather_by_city (weather) and exchange_rate (exchange-rate-mcp), through its real
// meta-tool handlers (real BM25 search, real load/unload, run_program in the real sandbox);
// the two tools' outputs are fixed strings. One tool call per model turn; a step is one model
// turn, and its context is what the model reads at that turn.
//
// Then the same for the bundled offline toolspace (toolspace/servers): each server is started
// over stdio, its tools listed and the server closed; the catalogue is built from those tools.
// Its episode is SCRIPTED too, but the tool output is REAL: geo's calculate_distance is called
// through the MCP handle of a running geo server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectServer, type ServerHandle } from "@/lib/runtime/mcp/server/connect-server";
import type { RetrievalTool } from "@/lib/runtime/retrieval/tool-index";
import { buildCatalogue, catalogueFromEntries, type StrategyCatalogue } from "@/lib/runtime/strategies/catalogue";
import { META_TOOLS } from "@/lib/runtime/strategies/meta-tools";
import { type Strategy, TRAJECTORY_STRATEGY } from "@/lib/runtime/strategies/prompts";
import { createToolState } from "@/lib/runtime/strategies/tool-state";
import { parseCatalogue } from "@/lib/toolspaces/server/import-catalogue";
import { type TrajectoryInput, trajectoryRecord } from "@/lib/trajectories/format";
import { accountTrajectory, contextTotal, toolSchemaText } from "@/lib/trajectories/server/account-context";
import { getTokenizer } from "@/lib/trajectories/server/tokenizers";
import { bundledServers } from "@/toolspace/servers";

const tok = getTokenizer("o200k_base");
const catalogue = catalogueFromEntries(parseCatalogue(fs.readFileSync("db/seed/data/tools.json", "utf8")));

const TASK = "What will the weather be in Berlin tomorrow, and how much is 250 USD in EUR at the latest rate?";
// Shaped like the real servers' answers (Open-Meteo daily forecast; Norges Bank rate).
const WEATHER_OUTPUT = JSON.stringify({
  location: { name: "Berlin", country: "Germany", latitude: 52.52437, longitude: 13.41053, timezone: "Europe/Berlin" },
  current: {
    time: "2026-11-26T07:00",
    temperature_2m: 3.4,
    apparent_temperature: -0.6,
    relative_humidity_2m: 87,
    wind_speed_10m: 14.8,
    weather_code: 3,
    description: "Overcast",
  },
  daily: {
    time: ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"],
    temperature_2m_max: [5.1, 6.3, 4.8, 3.9, 2.7, 3.5, 4.2],
    temperature_2m_min: [1.2, 2.4, 0.9, -0.8, -1.6, -0.4, 0.7],
    precipitation_sum: [0.4, 3.2, 1.1, 0, 0, 0.6, 2.3],
    precipitation_probability_max: [35, 80, 55, 10, 5, 30, 70],
    wind_speed_10m_max: [18.4, 26.1, 21.7, 12.3, 9.8, 15.2, 22.6],
    weather_code: [3, 61, 80, 2, 1, 3, 61],
    description: [
      "Overcast",
      "Slight rain",
      "Rain showers",
      "Partly cloudy",
      "Mainly clear",
      "Overcast",
      "Slight rain",
    ],
  },
  units: { temperature: "°C", precipitation: "mm", wind_speed: "km/h" },
});
const RATE_OUTPUT = JSON.stringify({
  baseCurrency: "USD",
  targetCurrency: "EUR",
  date: "2026-11-25",
  rate: 0.9187,
  source: "Norges Bank (cross rate via NOK)",
  nokRates: { USD: 10.8421, EUR: 11.8016 },
});
const OUTPUTS: Record<string, string> = { get_weather_by_city: WEATHER_OUTPUT, exchange_rate: RATE_OUTPUT };
const ANSWER =
  "Tomorrow (27 November) Berlin expects slight rain, 2.4 to 6.3 °C, with an 80% chance of rain and wind up to 26 km/h. At the latest Norges Bank rate (25 November, 1 USD = 0.9187 EUR), 250 USD is about 229.68 EUR.";

type Turn = { tool: string; args: Record<string, unknown> } | { answer: string };
const weatherCall = { tool: "get_weather_by_city", args: { city: "Berlin", country_code: "DE" } };
const rateCall = { tool: "exchange_rate", args: { baseCurrency: "USD", targetCurrency: "EUR" } };
const PROGRAM = `const [w, r] = await Promise.all([
  get_weather_by_city({ city: "Berlin", country_code: "DE" }),
  exchange_rate({ baseCurrency: "USD", targetCurrency: "EUR" }),
]);
const i = w.daily.time.indexOf("2026-11-27");
return {
  tomorrow: { date: w.daily.time[i], sky: w.daily.description[i], min: w.daily.temperature_2m_min[i], max: w.daily.temperature_2m_max[i], rain_chance: w.daily.precipitation_probability_max[i], wind_max: w.daily.wind_speed_10m_max[i] },
  eur: Math.round(250 * r.rate * 100) / 100, rate: r.rate, rate_date: r.date,
};`;

const SCRIPTS: Record<Strategy, Turn[]> = {
  eager: [weatherCall, rateCall, { answer: ANSWER }],
  isl: [
    { tool: "load_server", args: { name: "weather" } },
    { tool: "load_server", args: { name: "exchange-rate-mcp" } },
    weatherCall,
    rateCall,
    { answer: ANSWER },
  ],
  itl: [
    { tool: "search_tools", args: { query: "weather forecast for a city and currency exchange rate", k: 5 } },
    { tool: "load_tools", args: { names: ["get_weather_by_city", "exchange_rate"] } },
    weatherCall,
    rateCall,
    { answer: ANSWER },
  ],
  "itl-ptc": [
    { tool: "search_tools", args: { query: "weather forecast for a city and currency exchange rate", k: 5 } },
    { tool: "load_tools", args: { names: ["get_weather_by_city", "exchange_rate"] } },
    { tool: "run_program", args: { code: PROGRAM } },
    { answer: ANSWER },
  ],
};

const LABEL: Record<Strategy, string> = { eager: "eager", isl: "ISL", itl: "ITL", "itl-ptc": "ITL+PTC" };

type Bench = {
  catalogue: StrategyCatalogue;
  task: string;
  scripts: Record<Strategy, Turn[]>;
  /** tools the search must show before the script may load them */
  needed: string[];
  /** a tool's output as the model reads it */
  call: (name: string, args: Record<string, unknown>) => Promise<string>;
};

async function episode(strategy: Strategy, bench: Bench) {
  const state = createToolState({
    strategy,
    catalogue: bench.catalogue,
    callTool: async (name, args) => JSON.parse(await bench.call(name, args)),
  });
  const first = {
    system: tok.count(state.systemPrompt()),
    toolSchemas: state.tools().reduce((n, t) => n + tok.count(toolSchemaText(t)), 0),
    tools: state.tools().length,
  };
  const initialTools = state.tools().map((t) => t.name);
  const steps: TrajectoryInput["steps"] = [
    { message: { role: "system", content: state.systemPrompt() } },
    { message: { role: "user", content: bench.task } },
  ];
  let id = 0;
  for (const turn of bench.scripts[strategy]) {
    if ("answer" in turn) {
      steps.push({ message: { role: "assistant", content: turn.answer } });
      continue;
    }
    const callId = `call_${++id}`;
    const args = JSON.stringify(turn.args);
    steps.push({
      message: {
        role: "assistant",
        content: null,
        tool_calls: [{ id: callId, type: "function", function: { name: turn.tool, arguments: args } }],
      },
    });
    if (state.isMeta(turn.tool)) {
      const r = await state.handleMetaCall(turn.tool, args);
      if (r.isError) throw new Error(`${strategy}: ${turn.tool} failed: ${r.result}`);
      // the script may only load what its search really showed
      if (turn.tool === "search_tools")
        for (const needed of bench.needed)
          if (!r.result.split("\n").some((line) => line.startsWith(`${needed} (`)))
            throw new Error(`${strategy}: search_tools did not show ${needed}:\n${r.result}`);
      steps.push({
        message: { role: "tool", tool_call_id: callId, name: turn.tool, content: r.result },
        toolsLoaded: r.loaded,
        toolsUnloaded: r.unloaded,
      });
    } else {
      const resolved = state.resolveCall(turn.tool);
      if ("error" in resolved) throw new Error(`${strategy}: ${resolved.error}`);
      const content = await bench.call(turn.tool, turn.args);
      steps.push({ message: { role: "tool", tool_call_id: callId, name: turn.tool, content } });
    }
  }
  // every definition the episode could load, meta-tools included, so that loading counts
  const definitions = [...Object.values(META_TOOLS), ...bench.catalogue.tools].map((t) => ({
    name: t.name,
    description: t.description,
    inputSchema: t.inputSchema,
  }));
  const record = trajectoryRecord.parse({
    loadingStrategy: TRAJECTORY_STRATEGY[strategy],
    tools: definitions,
    initialTools,
    steps,
  });
  const accounted = accountTrajectory(record, tok);
  const turns = accounted.steps.filter((s) => s.message.role === "assistant").map((s) => contextTotal(s.context));
  return { first, turns };
}
type Result = Awaited<ReturnType<typeof episode>>;

const pct = (x: number, eager: number) => `${((100 * x) / eager).toFixed(1)}%`;
const pad = (s: string | number, n: number) => String(s).padStart(n);

const strategies: Strategy[] = ["eager", "isl", "itl", "itl-ptc"];
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

async function runAll(bench: Bench) {
  const results = new Map<Strategy, Result>();
  for (const s of strategies) results.set(s, await episode(s, bench));
  return results;
}

function printFirstTurn(results: Map<Strategy, Result>) {
  const eager = results.get("eager") as Result;
  const eagerFirst = eager.first.system + eager.first.toolSchemas;
  console.log("First turn (system prompt + tool schemas in context)");
  console.log(
    `${"strategy".padEnd(9)}${pad("tools", 7)}${pad("system", 8)}${pad("schemas", 9)}${pad("total", 8)}${pad("of eager", 10)}`,
  );
  for (const s of strategies) {
    const { first } = results.get(s) as Result;
    const total = first.system + first.toolSchemas;
    console.log(
      `${LABEL[s].padEnd(9)}${pad(first.tools, 7)}${pad(first.system, 8)}${pad(first.toolSchemas, 9)}${pad(total, 8)}${pad(pct(total, eagerFirst), 10)}`,
    );
  }
}

function printEpisodes(results: Map<Strategy, Result>) {
  const eager = results.get("eager") as Result;
  console.log(
    `${"strategy".padEnd(9)}${pad("turns", 6)}${pad("mean/step", 11)}${pad("of eager", 10)}${pad("sum", 8)}${pad("of eager", 10)}  per turn`,
  );
  for (const s of strategies) {
    const { turns } = results.get(s) as Result;
    console.log(
      `${LABEL[s].padEnd(9)}${pad(turns.length, 6)}${pad(Math.round(mean(turns)), 11)}${pad(pct(mean(turns), mean(eager.turns)), 10)}${pad(sum(turns), 8)}${pad(pct(sum(turns), sum(eager.turns)), 10)}  ${turns.join(" ")}`,
    );
  }
}

const results = await runAll({
  catalogue,
  task: TASK,
  scripts: SCRIPTS,
  needed: Object.keys(OUTPUTS),
  call: async (name) => OUTPUTS[name] ?? "null",
});

console.log(
  `Context tokens per loading strategy: LiveMCPBench catalogue, ${catalogue.tools.length} tools on ${catalogue.servers.length} servers, o200k_base`,
);
console.log(
  `Task message (${tok.count(TASK)} tokens) left out of the first turn; it is the same for every strategy.\n`,
);
printFirstTurn(results);
console.log(
  "\nSCRIPTED episodes (not a model's): the same task needing get_weather_by_city (weather) and exchange_rate (exchange-rate-mcp),",
);
console.log(
  "fixed tool outputs, real meta-tool handlers; one tool call per turn; per-step context = what the model reads at that turn.",
);
printEpisodes(results);
console.log(
  "\nScripts: eager: call, call, answer | ISL: load_server x2, call, call, answer | ITL: search, load 2, call, call, answer | ITL+PTC: search, load 2, run_program, answer",
);

// The bundled offline toolspace, listed from its running servers.
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-context-"));
const listed: RetrievalTool[] = [];
const descriptions: Record<string, string> = {};
let geo: ServerHandle | null = null;
try {
  for (const server of bundledServers) {
    descriptions[server.name] = server.description;
    const handle = await connectServer(server.config(stateDir), { name: server.name });
    try {
      for (const t of await handle.listTools()) listed.push({ ...t, server: server.name });
    } finally {
      if (server.name === "geo") geo = handle;
      else await handle.close();
    }
  }
  const bundled = buildCatalogue(listed, descriptions);
  const distance = bundled.tools.find((t) => t.server === "geo" && t.toolName === "calculate_distance");
  if (!distance || !geo) throw new Error("the bundled toolspace has no geo calculate_distance");
  const geoHandle = geo;
  const call = async (name: string, args: Record<string, unknown>) => {
    if (name !== distance.name) throw new Error(`the bundled script calls only ${distance.name}, not ${name}`);
    const r = await geoHandle.callTool(distance.toolName, args);
    if (!r.ok || r.isError) throw new Error(`calculate_distance failed: ${r.ok ? r.content : r.error}`);
    return r.content;
  };
  const distanceArgs = { from_city: "Berlin", to_city: "Madrid", unit: "km" };
  const real = JSON.parse(await call(distance.name, distanceArgs));
  const answer = `Berlin to Madrid is ${real.distance} ${real.unit} as the crow flies (initial bearing ${real.bearing_deg}°).`;
  const distanceCall = { tool: distance.name, args: distanceArgs };
  const search = { tool: "search_tools", args: { query: "distance between cities", k: 5 } };
  const load = { tool: "load_tools", args: { names: [distance.name] } };
  const program = `const d = await ${distance.name}(${JSON.stringify(distanceArgs)});\nreturn { km: d.distance, bearing: d.bearing_deg };`;
  const bundledResults = await runAll({
    catalogue: bundled,
    task: "How far is it from Berlin to Madrid as the crow flies?",
    needed: [distance.name],
    call,
    scripts: {
      eager: [distanceCall, { answer }],
      isl: [{ tool: "load_server", args: { name: "geo" } }, distanceCall, { answer }],
      itl: [search, load, distanceCall, { answer }],
      "itl-ptc": [search, load, { tool: "run_program", args: { code: program } }, { answer }],
    },
  });
  console.log(
    `\nBundled offline toolspace: ${bundled.tools.length} tools on ${bundled.servers.length} servers, listed from the running servers, o200k_base\n`,
  );
  printFirstTurn(bundledResults);
  console.log(
    "\nSCRIPTED episodes (not a model's) with a REAL tool output: geo's calculate_distance Berlin to Madrid, called through its MCP handle;",
  );
  console.log("real meta-tool handlers; one tool call per turn; per-step context = what the model reads at that turn.");
  printEpisodes(bundledResults);
  console.log(
    "\nScripts: eager: call, answer | ISL: load_server geo, call, answer | ITL: search, load 1, call, answer | ITL+PTC: search, load 1, run_program, answer",
  );
} finally {
  await (geo as ServerHandle | null)?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}
