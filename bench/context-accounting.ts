// Context accounting cost per trajectory for eager episodes over the LiveMCPBench catalogue
// (every schema loaded), with remembered counts against the plain tokenizer in the same run.
// Run: npm run bench:accounting
import fs from "node:fs";
import { trajectoryInput } from "@/lib/trajectories/format";
import { accountTrajectory } from "@/lib/trajectories/server/account-context";
import { getTokenizer, loadTokenizer, type TokenizerName } from "@/lib/trajectories/server/tokenizers";

type Tool = { name: string; description?: string; inputSchema?: unknown };
const catalogue = JSON.parse(fs.readFileSync("db/seed/data/tools.json", "utf8")) as {
  tools?: Record<string, { tools: Tool[] }>;
}[];
const byName = new Map<string, Tool>();
for (const server of catalogue)
  for (const { tools } of Object.values(server.tools ?? {})) for (const t of tools) byName.set(t.name, t);
const tools = [...byName.values()].map((t) => ({
  name: t.name,
  description: t.description ?? "",
  inputSchema: t.inputSchema,
}));

const N = 20;
const episodes = (model: string) =>
  Array.from({ length: N + 1 }, (_, i) =>
    trajectoryInput.parse({
      policy: { model },
      tools,
      initialTools: tools.map((t) => t.name),
      messages: [
        { role: "system", content: "You are an agent with MCP tools. Call them to answer." },
        { role: "user", content: `Question ${i}: what is the weather in city ${i}?` },
        { role: "assistant", content: `It is ${i} degrees.` },
      ],
    }),
  );

function perTrajectory(name: TokenizerName, model: string, plain: boolean) {
  const records = episodes(model);
  const tok = plain ? loadTokenizer(name) : getTokenizer(name);
  accountTrajectory(records[N], tok); // the first episode pays for every schema either way
  const t0 = performance.now();
  for (let i = 0; i < N; i++) accountTrajectory(records[i], tok);
  return (performance.now() - t0) / N;
}

console.log(`Eager episodes with ${tools.length} tool schemas loaded, ms per trajectory (mean of ${N}):`);
for (const [name, model] of [
  ["o200k_base", "gpt-4o"],
  ["qwen3", "Qwen/Qwen3-4B"],
] as const) {
  const plain = perTrajectory(name, model, true);
  const remembered = perTrajectory(name, model, false);
  console.log(
    `  ${name.padEnd(10)} plain ${plain.toFixed(1).padStart(7)}  remembered ${remembered.toFixed(1).padStart(6)}  (${(plain / remembered).toFixed(1)}x)`,
  );
}
