// Program verifier throughput: criteria scored per second for each check kind, on the real
// MCP-Atlas reference trajectories (db/seed/data/sample_tasks.csv), in one process, one core.
// Each kind runs for about half a second after a warm-up; the figure is checks/s over every
// reference, with its mean steps per episode for scale.
//   npx tsx bench/program-verifiers.ts
import fs from "node:fs";
import os from "node:os";
import { mcpAtlasTrajectories } from "@/lib/imports/formats/mcp-atlas";
import { type ProgramCheck, programCheck, runCheck } from "@/lib/rubrics/program-checks";
import { type TrajectoryRecord, trajectoryInput } from "@/lib/trajectories/format";

const refs: TrajectoryRecord[] = mcpAtlasTrajectories(fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8")).map(
  (r) => trajectoryInput.parse(r),
);
const calls = (t: TrajectoryRecord) =>
  t.steps.flatMap((s) => (s.message.role === "assistant" ? (s.message.tool_calls ?? []) : []));
// checks that hit real tools of the references, so the matching paths run, not only the misses
const firstCall = calls(refs[0])[0];
const [a, b] = calls(refs.find((r) => new Set(calls(r).map((c) => c.function.name)).size > 1) ?? refs[0]).map(
  (c) => c.function.name,
);
const argKey = Object.keys(JSON.parse(firstCall.function.arguments || "{}"))[0] ?? "query";

const checks: Record<string, unknown> = {
  "tool-called": { check: "tool-called", tool: firstCall.function.name, min: 1, max: 5 },
  "tool-arguments equals": {
    check: "tool-arguments",
    tool: firstCall.function.name,
    match: "equals",
    value: JSON.parse(firstCall.function.arguments || "{}"),
  },
  "tool-arguments subset": {
    check: "tool-arguments",
    tool: firstCall.function.name,
    match: "subset",
    value: { [argKey]: JSON.parse(firstCall.function.arguments || "{}")[argKey] },
  },
  "tool-arguments regex": {
    check: "tool-arguments",
    tool: firstCall.function.name,
    match: "regex",
    value: `"${argKey}"\\s*:`,
  },
  "tool-order": { check: "tool-order", tools: [a, b ?? a] },
  "final-answer-contains": { check: "final-answer-contains", text: "the" },
  "final-answer-regex": { check: "final-answer-regex", pattern: "\\b(19|20)\\d{2}\\b" },
  "final-answer-json-schema": {
    check: "final-answer-json-schema",
    schema: { type: "object", required: ["answer"], properties: { answer: { type: "string" } } },
  },
  "final-answer-number": { check: "final-answer-number", value: 2020, tolerance: 1 },
  "no-tool-errors": { check: "no-tool-errors" },
  "max-turns": { check: "max-turns", max: 10 },
  "max-context-tokens": { check: "max-context-tokens", max: 32_000 },
  "max-unused-tools": { check: "max-unused-tools", max: 5 },
};

const steps = refs.reduce((n, r) => n + r.steps.length, 0) / refs.length;
console.log(
  `${refs.length} MCP-Atlas reference trajectories, ${steps.toFixed(1)} steps each on average; node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"}`,
);
console.log(`${"check".padEnd(26)} ${"criteria/s".padStart(12)} ${"µs each".padStart(9)}  passed`);
let all = 0;
let allMs = 0;
for (const [name, raw] of Object.entries(checks)) {
  const check = programCheck.parse(raw) as ProgramCheck;
  let passed = 0;
  for (const r of refs) passed += runCheck(check, r).score;
  for (let i = 0; i < 200; i++) runCheck(check, refs[i % refs.length]);
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < 500) {
    for (const r of refs) runCheck(check, r);
    n += refs.length;
    elapsed = performance.now() - t0;
  }
  all += n;
  allMs += elapsed;
  const perSec = (n / elapsed) * 1000;
  console.log(
    `${name.padEnd(26)} ${Math.round(perSec).toLocaleString("en-US").padStart(12)} ${((elapsed * 1000) / n).toFixed(1).padStart(9)}  ${passed}/${refs.length}`,
  );
}
console.log(
  `${"all kinds".padEnd(26)} ${Math.round((all / allMs) * 1000)
    .toLocaleString("en-US")
    .padStart(12)}`,
);
