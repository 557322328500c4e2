// npm run bench:list - the trajectory list at 100,000 trajectories on the embedded database:
//   1. inserts realistic trajectories in SQL (rewards by outcome, skewed step counts, tools
//      drawn from 300 names, a search vector over generated prose, labels, runs), ANALYZE;
//   2. runs a mix of filtered, sorted pages through listTrajectories and prints p50/p95/max
//      per kind and overall, the cost of the count query alone, and the facets;
//   3. EXPLAIN ANALYZEs one sample of each kind and prints the plans of slow statements.
// When a migration named *trajectory_list_indexes* exists, the mix runs first without its
// indexes (before) and then with them (after).
//   BENCH_ROWS=20000 npm run bench:list   (default 100000)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TrajectoryListParams } from "@/lib/trajectories/schemas";
import { makeCorpus, makeVocabulary } from "./trajectory-list-data";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGET_MS = 200;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-list-"));
process.env.ATLAS_DATA_DIR = dir;
const { startEmbeddedDb } = await import("@/db/embedded");
const { runMigrations } = await import("@/db/migrate");
const { createDb } = await import("@/db/client");
const { projects, runs } = await import("@/db/schema");
const { trajectoryListQuery } = await import("@/lib/trajectories/schemas");
const { countWithin, listTrajectories } = await import("@/lib/trajectories/server/list-trajectories");
const { listTrajectoryFacets } = await import("@/lib/trajectories/server/list-trajectory-facets");
const { listFilters } = await import("@/lib/trajectories/server/list-filters");

const pg = await startEmbeddedDb(dir);
// an interrupted run leaves no database behind
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void pg.stop().finally(() => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  });
await runMigrations(pg.url);
// every statement the list sends is kept, so that a sample can be EXPLAINed as it was sent
let capture: { query: string; params: unknown[] }[] | null = null;
const client = postgres(pg.url, {
  max: 4,
  onnotice: () => {},
  debug: (_c, query, params) => capture?.push({ query, params: params as unknown[] }),
});
const db = createDb(client);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f1 = (x: number) => x.toFixed(1).padStart(7);
console.log(`embedded PostgreSQL in ${dir}; ${os.cpus().length} cores; ${ROWS.toLocaleString("en-US")} trajectories`);

// 1. data
const [project] = await db.insert(projects).values({ name: "bench" }).returning();
const runRows = await db
  .insert(runs)
  .values(
    ["baseline eager", "baseline itl", "grpo 100", "grpo 200", "grpo 300", "grpo 400", "ablation ptc", "sft"].map(
      (name, i) => ({ projectId: project.id, kind: i < 2 ? ("benchmark" as const) : ("training" as const), name }),
    ),
  )
  .returning();
const vocab = makeVocabulary();
const t0 = performance.now();
// Episode texts are 1 to 25 KB, as real ones with tool outputs are, so that most search
// vectors are stored out of line (TOAST) and table rows stay narrow, as with real data. They
// come from 2,000 windows of one corpus, each analyzed once: to_tsvector on every row would
// make the load take ten minutes on two cores.
const corpus = makeCorpus(vocab.words, vocab.tools, 600_000);
// ids from tool outputs: each is in a few dozen episodes at most
const rareTokens = [...corpus.matchAll(/"id": "([0-9a-f]{8})"/g)].slice(0, 500).map((m) => m[1]);
const PIECES = 2_000;
let pseed = 99;
const prnd = () => {
  pseed = (pseed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return pseed / 2_147_483_648;
};
const pieces = Array.from({ length: PIECES }, () => {
  const len = 1000 + Math.floor(prnd() ** 3 * 24_000);
  const at = Math.floor(prnd() * (corpus.length - len));
  return corpus.slice(corpus.indexOf(" ", at) + 1, at + len);
});
await client`create table bench_pieces (i int primary key, body text not null, vec tsvector not null)`;
await client`insert into bench_pieces select i, body, to_tsvector('english', body)
  from unnest(${pieces}::text[]) with ordinality as p(body, i)`;
// building indexes once after the load is faster than maintaining them row by row
const indexes = await client<{ name: string; def: string }[]>`
  select indexname as name, indexdef as def from pg_indexes
  where tablename = 'trajectories' and indexdef not like 'CREATE UNIQUE%'`;
for (const i of indexes) await client.unsafe(`drop index "${i.name}"`);
const BATCH = 10_000;
for (let from = 1; from <= ROWS; from += BATCH) {
  const to = Math.min(ROWS, from + BATCH - 1);
  await client`
    insert into trajectories (project_id, client_id, run_id, task_ref, summary, policy, loading_strategy,
      context_limit, outcome, reward, final_answer, step_count, tool_call_count, tool_error_count, tools_used,
      peak_context_tokens, duration_ms, content_hash, created_at, search)
    select ${project.id}::uuid, 'bench-' || g,
      (${runRows.map((r) => r.id)}::uuid[])[nullif(g % 9, 0)],
      case when g % 2 = 0 then 'airline-' || (g * 13) % 50 else 'mcp-atlas-' || lpad(((g * 7) % 450)::text, 4, '0') end,
      left(body, 300), pol, strat, case when pol like 'qwen3%' then 32768 else 131072 end,
      oc,
      case oc when 'pass' then round((0.8 + 0.2 * r2)::numeric, 3)
              when 'partial' then round((0.3 + 0.5 * r2)::numeric, 3)
              when 'fail' then round((0.3 * r2)::numeric, 3)
              when 'error' then case when r2 < 0.5 then 0 end
              else case when r2 < 0.5 then round(r2::numeric, 3) end end::float8,
      right(body, 120),
      steps, steps / 2, case when r3 < 0.75 then 0 else 1 + floor(r4 * 3)::int end, used,
      1500 + floor(power(r4, 1.5) * case strat when 'eager' then 120000 else 40000 end)::int,
      case when r3 > 0.9 then null else 500 + floor(power(r2, 2) * 300000)::int end,
      md5(g::text) || md5(body),
      now() - (${ROWS} - g) * interval '45 seconds' - r4 * interval '1 second',
      vec || to_tsvector('english', array_to_string(used, ' ') || ' order ' || g)
    from generate_series(${from}::int, ${to}::int) g,
    lateral (select random() r1, random() r2, random() r3, random() r4, random() r5, random() r6) r,
    lateral (select
      case when r1 < 0.4 then 'pass' when r1 < 0.55 then 'partial' when r1 < 0.85 then 'fail' when r1 < 0.93 then 'error' end oc,
      (array['qwen3-4b','qwen3-8b','qwen3-4b-grpo','gpt-4o-mini','llama-3.1-8b','mistral-small'])[1 + floor(power(r3, 1.5) * 6)::int] pol,
      (array['eager','isl','itl','itl+ptc'])[1 + (g * 7) % 4] strat,
      2 + floor(power(r2, 2) * 78)::int steps,
      1000 + floor(power(r6, 3) * 24000)::int len) o,
    lateral (select c.body, c.vec from bench_pieces c where c.i = 1 + (g * 7919) % ${PIECES}) b,
    lateral (select coalesce(array_agg(distinct (${vocab.tools}::text[])[1 + floor(power(random(), 2) * ${vocab.tools.length})::int]), '{}') used
      from generate_series(1, (g * 31) % 7) k where g > 0) u`;
  process.stdout.write(`\r   inserted ${to.toLocaleString("en-US")}`);
}
await client`drop table bench_pieces`;
for (const i of indexes) await client.unsafe(i.def);
await client`insert into labels (project_id, trajectory_id, key, value)
  select project_id, id, 'correct', to_jsonb(random() < 0.5) from trajectories
  where project_id = ${project.id} and random() < 0.05`;
await client`insert into labels (project_id, trajectory_id, step_index, key, value)
  select project_id, trajectory_id, 1, 'good call', 'true' from labels where project_id = ${project.id} and random() < 0.3`;
await client`vacuum analyze trajectories`;
await client`vacuum analyze labels`;
const [sizes] = await client`select pg_size_pretty(pg_relation_size('trajectories')) heap,
  pg_size_pretty(pg_table_size('trajectories') - pg_relation_size('trajectories')) toast,
  pg_size_pretty(pg_indexes_size('trajectories')) indexes`;
console.log(
  `\n1. ${ROWS.toLocaleString("en-US")} trajectories inserted and analyzed in ${((performance.now() - t0) / 1000).toFixed(1)} s (table ${sizes.heap}, out-of-line ${sizes.toast}, indexes ${sizes.indexes})`,
);

// 2. the mix: each kind makes its parameters from a seeded random source, so runs compare
let seed = 42;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const popularTool = () => vocab.tools[Math.floor(rnd() ** 2 * 30)];
const anyTool = () => vocab.tools[Math.floor(rnd() * vocab.tools.length)];
const sorts = [
  "createdAt",
  "reward",
  "stepCount",
  "peakContextTokens",
  "toolCallCount",
  "toolErrorCount",
  "durationMs",
];
const anySort = () => `${rnd() < 0.6 ? "-" : ""}${pick(sorts)}` as TrajectoryListParams["sort"];
const kinds: Record<string, () => TrajectoryListParams> = {
  "first page": () => ({}),
  "sort only": () => ({ sort: anySort() }),
  outcome: () => ({ outcome: pick(["pass", "fail", "partial,error", "none", "error"]), sort: anySort() }),
  "reward range": () => {
    const lo = Math.round(rnd() * 80) / 100;
    return { rewardMin: lo, rewardMax: lo + 0.1 + Math.round(rnd() * 10) / 100, sort: anySort() };
  },
  run: () => ({ runId: pick(runRows).id, sort: anySort() }),
  task: () => ({ task: rnd() < 0.5 ? `airline-${Math.floor(rnd() * 50)}` : "mcp-atlas-0007", sort: anySort() }),
  "one tool": () => ({ tools: rnd() < 0.5 ? popularTool() : anyTool(), sort: anySort() }),
  "two tools": () => ({ tools: `${popularTool()},${popularTool()}`, sort: anySort() }),
  "tool errors": () => ({ toolErrors: pick(["yes", "no"] as const), sort: anySort() }),
  labels: () => ({ labels: pick(["labeled", "unlabeled"] as const), sort: anySort() }),
  "policy+strategy": () => ({
    policy: pick(["qwen3-4b", "gpt-4o-mini", "mistral-small"]),
    strategy: "itl",
    sort: anySort(),
  }),
  "search common": () => ({ q: pick(vocab.words.slice(0, 40)), sort: anySort() }),
  "search mid": () => ({ q: pick(vocab.words.slice(-150)), sort: anySort() }),
  "search rare": () => ({ q: pick(rareTokens), sort: anySort() }),
  // two common words that happen to be adjacent: every vector with both must be read
  "search phrase": () => ({ q: `"${pick(vocab.phrases)}"`, sort: anySort() }),
  // a tool name is a phrase too ('github' <-> 'search'), but its words mostly come together
  "search tool name": () => ({ q: popularTool(), sort: anySort() }),
  "search + filters": () => ({
    q: pick(vocab.words.slice(20, 200)),
    outcome: "fail",
    toolErrors: "yes",
    sort: anySort(),
  }),
  combined: () => ({
    runId: pick(runRows).id,
    outcome: "pass,partial",
    rewardMin: 0.5,
    tools: popularTool(),
    labels: "unlabeled",
    sort: anySort(),
  }),
};
const PER_KIND = 20;
const DEEP_PAGES = 5;

type Figures = Map<string, number[]>;
async function runMix(label: string) {
  seed = 42;
  const times: Figures = new Map();
  const counts: number[] = [];
  const add = (k: string, ms: number) => times.set(k, [...(times.get(k) ?? []), ms]);
  for (const [kind, make] of Object.entries(kinds))
    for (let i = 0; i < PER_KIND; i++) {
      const query = trajectoryListQuery.parse({ ...make(), limit: 50 });
      const s = performance.now();
      const page = await listTrajectories({ db, projectId: project.id, query });
      add(kind, performance.now() - s);
      // the count alone: what a total costs on top of the page
      const c = performance.now();
      await countWithin(db, listFilters(project.id, query), query.q, 60_000);
      counts.push(performance.now() - c);
      // following the next cursor a few pages deep, as someone paging through would
      if (i % 4 === 0 && page.nextCursor) {
        let cursor: string | null = page.nextCursor;
        for (let d = 0; d < DEEP_PAGES && cursor; d++) {
          const s2 = performance.now();
          const next = await listTrajectories({ db, projectId: project.id, query: { ...query, cursor } });
          add("next pages", performance.now() - s2);
          cursor = next.nextCursor;
        }
      }
    }
  const all = [...times.values()].flat();
  const load = os.loadavg()[0].toFixed(1);
  console.log(
    `\n2. ${label}: ${all.length} page queries (limit 50), ms; load average ${load} on ${os.cpus().length} cores`,
  );
  console.log(`   ${"kind".padEnd(18)}     n     p50     p95     max`);
  const missed: string[] = [];
  for (const [k, xs] of times) {
    const p95 = pct(xs, 95);
    if (p95 > TARGET_MS) missed.push(k);
    console.log(
      `   ${k.padEnd(18)} ${String(xs.length).padStart(5)} ${f1(pct(xs, 50))} ${f1(p95)} ${f1(Math.max(...xs))}${p95 > TARGET_MS ? "  over target" : ""}`,
    );
  }
  console.log(
    `   ${"overall".padEnd(18)} ${String(all.length).padStart(5)} ${f1(pct(all, 50))} ${f1(pct(all, 95))} ${f1(Math.max(...all))}`,
  );
  console.log(
    `   ${"count(*) alone".padEnd(18)} ${String(counts.length).padStart(5)} ${f1(pct(counts, 50))} ${f1(pct(counts, 95))} ${f1(Math.max(...counts))}`,
  );
  console.log(
    missed.length
      ? `   p95 over ${TARGET_MS} ms: ${missed.join(", ")}`
      : `   every kind has p95 within ${TARGET_MS} ms`,
  );
  return times;
}

// 3. plans: one sample of each kind, every statement it sent, slow ones printed
async function explainSample(slowMs: number) {
  console.log(`\n3. EXPLAIN ANALYZE, one sample per kind (statements over ${slowMs} ms printed with their plan)`);
  seed = 7;
  for (const [kind, make] of Object.entries(kinds)) {
    const query = trajectoryListQuery.parse({ ...make(), limit: 50 });
    capture = [];
    await listTrajectories({ db, projectId: project.id, query });
    const sent = capture;
    capture = null;
    const lines: string[] = [];
    // the planner settings the list made in its transactions, replayed around each EXPLAIN
    const settings = sent.filter((x) => /^select set_config\('enable_/.test(x.query));
    for (const { query: text, params } of sent) {
      if (!/^select /.test(text) || text.startsWith("select set_config(")) continue;
      const plan = await client.begin(async (tx) => {
        for (const x of settings) await tx.unsafe(x.query, x.params as never[]);
        return tx.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
      });
      const planText = plan.map((r) => r["QUERY PLAN"] as string);
      const exec = Number(/Execution Time: ([\d.]+)/.exec(planText.at(-1) ?? "")?.[1] ?? 0);
      const what = /group by/.test(text) ? "labels" : /count\(\*\)/.test(text) ? "count" : "page";
      lines.push(`${what} ${exec.toFixed(1)} ms`);
      if (exec > slowMs)
        console.log(`   -- ${kind} (${JSON.stringify(query)}), ${what}:\n      ${planText.join("\n      ")}`);
    }
    console.log(`   ${kind.padEnd(18)} ${lines.join(", ")}`);
  }
}

async function facets() {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await listTrajectoryFacets({ db, projectId: project.id });
    xs.push(performance.now() - s);
  }
  console.log(`   facets (5 calls): p50 ${pct(xs, 50).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
}

const migrations = fs
  .readdirSync(path.join("db", "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort();
const statementsOf = (f: string) =>
  fs
    .readFileSync(path.join("db", "migrations", f), "utf8")
    .split("--> statement-breakpoint")
    .map((x) => x.trim());
const migration = migrations.find((f) => f.includes("trajectory_list_indexes"));
const mine = migration ? statementsOf(migration) : [];
const created = mine.filter((x) => /^create index/i.test(x));
const createdNames = created.map((x) => /create index "([^"]+)"/i.exec(x)?.[1] as string);
const droppedNames = mine.flatMap((x) => /^drop index "([^"]+)"/i.exec(x)?.[1] ?? []);
// the indexes it replaced, as the earlier migrations made them
const earlier = migrations.filter((f) => migration && f < migration).flatMap(statementsOf);
const replaced = droppedNames.map((n) => earlier.find((x) => x.startsWith(`CREATE INDEX "${n}"`)) as string);
const before = new Map<string, number[]>();
if (created.length) {
  for (const n of createdNames) await client.unsafe(`drop index "${n}"`);
  for (const x of replaced) await client.unsafe(x);
  await client`analyze trajectories`;
  const label = `before (the indexes of 0001; without ${migration})`;
  for (const [k, v] of await runMix(label)) before.set(k, v);
  await facets();
  for (const n of droppedNames) await client.unsafe(`drop index "${n}"`);
  for (const x of created) await client.unsafe(x);
  await client`analyze trajectories`;
}
const after = await runMix(created.length ? `after (with ${migration})` : "current indexes");
await facets();
if (before.size) {
  console.log("\n   p95 before -> after, ms");
  for (const [k, xs] of after)
    console.log(`   ${k.padEnd(18)} ${f1(pct(before.get(k) ?? [0], 95))} -> ${f1(pct(xs, 95))}`);
}
await explainSample(TARGET_MS / 4);

await client.end({ timeout: 5 });
await pg.stop();
fs.rmSync(dir, { recursive: true, force: true });
