// BM25 tool retrieval (search_tools) over the 527-tool LiveMCPBench catalogue: index build time,
// search latency, and recall as a self-retrieval proxy.
// Run: npx tsx bench/retrieval.ts
//
// Recall here is self-retrieval: the query is one tool's own description with its name taken
// out, and that tool (same server and name) is the only relevant item. It checks that documents
// are findable from their own words; it is NOT the labelled set of the issue (the bundled tasks'
// reference tool lists), which measures what a task's wording retrieves.
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

const BUILDS = 20;
const LATENCY_QUERIES = 200;
const PASSES = 5;
const K = 5;

const tools = catalogueTools(parseCatalogue(fs.readFileSync("db/seed/data/tools.json", "utf8")));
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
