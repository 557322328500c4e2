import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStudio } from "./studio";

const CALLS = Number(process.env.CALLS ?? 100);
const BATCH = 16;
const port = Number(process.env.BENCH_PORT ?? 3296);
const base = `http://localhost:${port}`;
const admin = { email: "bench@atlas.local", password: "bench-password" };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-reward-"));

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;

/** A 12-step search episode, different text for every n. */
function episode(n: number) {
  const messages: Record<string, unknown>[] = [
    { role: "system", content: "You are an agent with MCP tools." },
    { role: "user", content: `Find the 2024 revenue of company ${n} and answer as JSON {"answer": ..., "year": ...}.` },
  ];
  const tools = ["search_web", "fetch_page", "extract_table", "calculator"];
  for (let i = 0; i < 5; i++) {
    const tool = tools[i % tools.length];
    messages.push({
      role: "assistant",
      content: i === 0 ? "Searching first." : null,
      tool_calls: [
        {
          id: `c${n}-${i}`,
          type: "function",
          function: { name: tool, arguments: JSON.stringify({ q: `company ${n} revenue`, page: i }) },
        },
      ],
    });
    messages.push({
      role: "tool",
      tool_call_id: `c${n}-${i}`,
      content: JSON.stringify({
        rows: Array.from({ length: 8 }, (_, k) => ({ year: 2017 + k, revenue: (n + 1) * (k + 3) * 1000 })),
      }),
    });
  }
  messages.push({ role: "assistant", content: `{"answer": "${(n + 1) * 10_000}", "year": 2024}` });
  return { id: `bench-${n}`, task: { id: `revenue-${n % 50}` }, initialTools: tools, messages };
}

const criteria = [
  {
    id: "searched",
    title: "Searches",
    weight: 1,
    verifier: { kind: "program", check: { check: "tool-called", tool: "search_web" } },
  },
  {
    id: "fetched",
    title: "Reads a page",
    weight: 1,
    verifier: { kind: "program", check: { check: "tool-order", tools: ["search_web", "fetch_page"] } },
  },
  {
    id: "args",
    title: "Queries the company",
    weight: 1,
    verifier: {
      kind: "program",
      check: { check: "tool-arguments", tool: "search_web", match: "regex", value: "company \\d+" },
    },
  },
  {
    id: "json",
    title: "Answers as JSON",
    weight: 2,
    verifier: {
      kind: "program",
      check: {
        check: "final-answer-json-schema",
        schema: { type: "object", required: ["answer", "year"], properties: { year: { const: 2024 } } },
      },
    },
  },
  {
    id: "year",
    title: "Names 2024",
    weight: 1,
    verifier: { kind: "program", check: { check: "final-answer-contains", text: "2024" } },
  },
  {
    id: "no-errors",
    title: "No tool errors",
    weight: 1,
    verifier: { kind: "program", check: { check: "no-tool-errors" } },
  },
  {
    id: "turns",
    title: "At most 8 turns",
    weight: 1,
    verifier: { kind: "program", check: { check: "max-turns", max: 8 } },
  },
  {
    id: "unused",
    title: "Uses what it loads",
    weight: 1,
    verifier: { kind: "program", check: { check: "max-unused-tools", max: 1 } },
  },
];

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const r = await fetch(`${base}${url}`, { method: "POST", headers, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return r.json();
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
const studio = await startStudio({ port, dataDir, admin });
try {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(admin),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const session = { cookie, origin: base, "content-type": "application/json" };
  const project = await post("/api/v1/projects", session, { name: "bench reward" });
  const { rubric } = await post(`/api/v1/projects/${project.id}/rubrics`, session, {
    name: "revenue lookup",
    version: { criteria, aggregation: { rule: "coverage-pass", threshold: 0.75 } },
  });
  const rubricVersionId = rubric.versions[0].id as string;
  const { key } = await post(`/api/v1/projects/${project.id}/api-keys`, session, {
    name: "trainer",
    scopes: ["judge"],
  });
  const trainer = { authorization: `Bearer ${key}`, "content-type": "application/json" };

  let next = 0;
  const batch = () => Array.from({ length: BATCH }, () => episode(next++));
  const call = async (trajectories: unknown[]) => {
    const t0 = performance.now();
    const out = await post("/api/v1/reward", trainer, { rubricVersionId, groupId: "g", trajectories });
    const elapsed = performance.now() - t0;
    return { elapsed, out };
  };
  for (let i = 0; i < 5; i++) await call(batch());
  const uncached: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const { elapsed, out } = await call(batch());
    if (out.cache.hits !== 0) throw new Error("an uncached call hit the cache");
    uncached.push(elapsed);
  }
  const same = batch();
  await call(same);
  const cached: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const { elapsed, out } = await call(same);
    if (out.cache.judged !== 0) throw new Error("a repeated call judged again");
    cached.push(elapsed);
  }
  const bytes = JSON.stringify({ rubricVersionId, trajectories: same }).length;
  console.log(
    `POST /api/v1/reward, ${BATCH} trajectories (${same[0].messages.length} messages each, ${(bytes / 1024).toFixed(0)} KB), ${criteria.length} program criteria, ${CALLS} calls each:`,
  );
  for (const [label, xs] of [
    ["uncached (all judged)", uncached],
    ["cached (all from cache)", cached],
  ] as const)
    console.log(`  ${label.padEnd(24)} p50 ${ms(pct(xs, 50))}   p95 ${ms(pct(xs, 95))}   max ${ms(Math.max(...xs))}`);
} finally {
  studio.kill("SIGINT");
  await new Promise((r) => studio.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
