// BM25 tool retrieval (search_tools) over the 527-tool LiveMCPBench catalogue: index build time,
// search latency, and recall as a self-retrieval proxy; then recall on the labelled set.
// Run: npx tsx bench/retrieval.ts
//
// Self-retrieval: the query is one tool's own description with its name taken out, and that
// tool (same server and name) is the only relevant item. It checks that documents are findable
// from their own words.
//
// Labelled set: each offline task's prompt is the query and its reference tools (written with
// the tasks, before ranking was looked at) are the relevant items, over the bundled toolspace's
// tools alone and over the catalogue plus them. recall@k is the share of a task's reference
// tools in the top k, averaged over tasks; "all@k" the share of tasks with every one in the top k.
import fs from "node:fs";
import os from "node:os";
import { catalogueTools } from "../lib/runtime/retrieval/catalogue";
import { summarize } from "../lib/runtime/retrieval/summary";
import {
  buildToolIndex,
  type IndexOptions,
  type RetrievalTool,
  searchTools,
} from "../lib/runtime/retrieval/tool-index";
import { parseCatalogue } from "../lib/toolspaces/server/import-catalogue";
import { offlineTaskFile } from "../toolspace/tasks/task-file";

const BUILDS = 20;
const LATENCY_QUERIES = 200;
const PASSES = 5;
const K = 5;

const tools = catalogueTools(parseCatalogue(fs.readFileSync("db/seed/data/tools.json", "utf8")));
const bundled: RetrievalTool[] = (
  JSON.parse(fs.readFileSync("toolspace/servers/tools.snapshot.json", "utf8")) as {
    server: string;
    tools: RetrievalTool[];
  }[]
).flatMap((s) => s.tools.map((t) => ({ ...t, server: s.server })));
const labelled = offlineTaskFile.parse(JSON.parse(fs.readFileSync("toolspace/tasks/offline-tasks.json", "utf8"))).tasks;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number, d = 3) => x.toFixed(d);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const withoutName = (t: RetrievalTool, text: string) =>
  text
    .replace(new RegExp(escapeRegExp(t.name), "gi"), " ")
    .replace(/\s+/g, " ")
    .trim();

const selfQueries = (text: (t: RetrievalTool) => string) =>
  tools.map((t) => ({ tool: t, query: withoutName(t, text(t)) })).filter((q) => /[\p{L}\p{N}]/u.test(q.query));

function recall(options: IndexOptions, queries: ReturnType<typeof selfQueries>) {
  const index = buildToolIndex(tools, options);
  const at = { 1: 0, 5: 0, 10: 0 };
  for (const { tool, query } of queries) {
    const rank = searchTools(index, query, 10).findIndex((h) => h.name === tool.name && h.server === tool.server);
    if (rank === 0) at[1]++;
    if (rank >= 0 && rank < 5) at[5]++;
    if (rank >= 0) at[10]++;
  }
  const r = (n: number) => f(n / queries.length);
  return `@1 ${r(at[1])}  @5 ${r(at[5])}  @10 ${r(at[10])}`;
}

const first = process.hrtime.bigint();
const index = buildToolIndex(tools);
const coldBuild = ms(first);
const builds: number[] = [];
for (let i = 0; i < BUILDS; i++) {
  const t0 = process.hrtime.bigint();
  buildToolIndex(tools);
  builds.push(ms(t0));
}

const withDescription = tools.filter((t) => summarize(t.description ?? ""));
const step = withDescription.length / LATENCY_QUERIES;
const latencyQueries = Array.from({ length: LATENCY_QUERIES }, (_, i) => {
  const t = withDescription[Math.floor(i * step)];
  return withoutName(t, summarize(t.description ?? ""));
});
for (const q of latencyQueries) searchTools(index, q, K); // warm-up
const latencies: number[] = [];
for (let pass = 0; pass < PASSES; pass++)
  for (const q of latencyQueries) {
    const t0 = process.hrtime.bigint();
    searchTools(index, q, K);
    latencies.push(ms(t0));
  }

const full = selfQueries((t) => t.description ?? "");
const lead = selfQueries((t) => summarize(t.description ?? ""));
const servers = new Set(tools.map((t) => t.server)).size;

console.log(
  `BM25 (k1 1.2, b 0.75) over ${tools.length} tools from ${servers} servers; node ${process.version}, ${os.cpus()[0]?.model}`,
);
console.log(`index: ${index.postings.size} terms, mean weighted length ${f(index.avgLength, 1)}`);
console.log(`build: first ${f(coldBuild, 1)} ms; then p50 ${f(pct(builds, 50), 2)} ms over ${BUILDS} builds`);
console.log(
  `search k=${K}: ${LATENCY_QUERIES} queries (first sentences of descriptions, names removed) x ${PASSES} passes: ` +
    `p50 ${f(pct(latencies, 50))} ms  p95 ${f(pct(latencies, 95))} ms  max ${f(Math.max(...latencies))} ms`,
);
console.log("recall, self-retrieval proxy (query: a tool's own description without its name; NOT the labelled set):");
console.log(`  whole description, ${full.length} queries:   ${recall({}, full)}`);
console.log(`  first sentence only, ${lead.length} queries: ${recall({}, lead)}`);
const flat = { name: 1, server: 1, description: 1, parameterNames: 1, parameterDescriptions: 1 };
console.log(`  same, all field weights 1 (for comparison):   ${recall({ weights: flat }, lead)}`);

/**
 * The catalogue holds the official filesystem and memory servers under the same names as the
 * bundled ones: a hit on either copy of such a tool finds it (each relevant tool counts once).
 */
function labelledRecall(corpus: RetrievalTool[]) {
  const index = buildToolIndex(corpus);
  const ks = [1, 5, 10] as const;
  const recallAt = { 1: 0, 5: 0, 10: 0 };
  const allAt = { 1: 0, 5: 0, 10: 0 };
  for (const task of labelled) {
    const hits = searchTools(index, task.prompt, 10).map((h) => `${h.server}.${h.name}`);
    for (const k of ks) {
      const found = task.referenceTools.filter((r) => hits.slice(0, k).includes(r)).length;
      recallAt[k] += found / task.referenceTools.length;
      if (found === task.referenceTools.length) allAt[k]++;
    }
  }
  for (const task of labelled) searchTools(index, task.prompt, 10); // warm-up
  const latencies: number[] = [];
  for (let pass = 0; pass < PASSES * 4; pass++)
    for (const task of labelled) {
      const t0 = process.hrtime.bigint();
      searchTools(index, task.prompt, 10);
      latencies.push(ms(t0));
    }
  const n = labelled.length;
  const r = (k: 1 | 5 | 10) => `@${k} ${f(recallAt[k] / n)}`;
  const a = (k: 1 | 5 | 10) => `@${k} ${f(allAt[k] / n)}`;
  return (
    `recall ${r(1)}  ${r(5)}  ${r(10)}   all ${a(1)}  ${a(5)}  ${a(10)}   ` +
    `search k=10 p50 ${f(pct(latencies, 50))} ms  p95 ${f(pct(latencies, 95))} ms (${latencies.length} queries)`
  );
}

const refs = labelled.reduce((sum, t) => sum + t.referenceTools.length, 0);
console.log(
  `recall, labelled set: ${labelled.length} offline task prompts as queries, ${refs} reference tools (mean ${f(refs / labelled.length, 1)} per task):`,
);
console.log(`  bundled toolspace, ${bundled.length} tools:     ${labelledRecall(bundled)}`);
console.log(`  catalogue + bundled, ${tools.length + bundled.length} tools: ${labelledRecall([...tools, ...bundled])}`);
