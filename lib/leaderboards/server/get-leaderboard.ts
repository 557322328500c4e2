// A task set's leaderboard: one row per benchmark run on it, aggregated in SQL; the bootstrap
// interval and the Pareto front are computed here from the per-episode scores.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notFound } from "@/lib/errors";
import type { Leaderboard, LeaderboardQuery, LeaderboardRow, LeaderboardTaskSet } from "../schemas";
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  bootstrapMeanInterval,
  CONFIDENCE,
  type Interval,
  paretoFront,
  passRate,
} from "../stats";

const iso = (v: unknown) => new Date(v as string).toISOString();

type RunRow = {
  id: string;
  name: string;
  status: string;
  created_at: string;
  strategy: string | null;
  checkpoint: string | null;
  policy_name: string | null;
  policy_model: string | null;
};

/** Sums and counts per (run, category): a run's figures are the sums of its categories' rows. */
type AggRow = {
  run_id: string;
  category: string | null;
  episodes: number;
  scored: number;
  errors: number;
  passes: number;
  score_sum: number | null;
  scores: number[] | null;
  turns_sum: number;
  peak_sum: number | null;
  peak_n: number;
  tool_calls_sum: number;
  duration_sum: number | null;
  duration_n: number;
};

type Totals = Omit<AggRow, "run_id" | "category" | "scores"> & { scores: number[] };
const zero = (): Totals => ({
  episodes: 0,
  scored: 0,
  errors: 0,
  passes: 0,
  score_sum: 0,
  scores: [],
  turns_sum: 0,
  peak_sum: 0,
  peak_n: 0,
  tool_calls_sum: 0,
  duration_sum: 0,
  duration_n: 0,
});
const ratio = (sum: number | null, n: number) => (n > 0 ? Number(sum) / n : null);

export async function getLeaderboard({
  db,
  projectId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  query: LeaderboardQuery;
}): Promise<Leaderboard> {
  const taskSets = await listTaskSetsWithRuns(db, projectId);
  const taskSetId = query.taskSetId ?? taskSets[0]?.id;
  const bootstrap = { resamples: BOOTSTRAP_RESAMPLES, confidence: CONFIDENCE, seed: BOOTSTRAP_SEED };
  if (!taskSetId) return { taskSets, taskSet: null, categories: [], rows: [], paretoFront: [], bootstrap };

  const [set] = await db.execute<{ id: string; name: string; task_count: number; categories: string[] | null }>(sql`
    select ts.id, ts.name,
      (select count(*)::int from tasks k where k.task_set_id = ts.id) as task_count,
      (select array_agg(distinct k.metadata->>'category' order by k.metadata->>'category')
         from tasks k where k.task_set_id = ts.id and k.metadata->>'category' is not null) as categories
    from task_sets ts where ts.id = ${taskSetId}::uuid and ts.project_id = ${projectId}::uuid`);
  if (!set) throw notFound(`Task set ${taskSetId} in this project`, "taskSetId");

  const inTaskSet = sql`r.project_id = ${projectId}::uuid and r.kind = 'benchmark'
    and r.config->>'taskSetId' = ${taskSetId}`;
  const runs = await db.execute<RunRow>(sql`
    select r.id, r.name, r.status, r.created_at,
      r.config->>'strategy' as strategy, r.config->>'checkpoint' as checkpoint,
      coalesce(r.config->'policy'->>'name', p.name) as policy_name,
      coalesce(r.config->'policy'->>'model', p.model) as policy_model
    from runs r left join policies p on p.id = r.policy_id
    where ${inTaskSet} order by r.created_at, r.id`);

  // A re-run episode leaves its earlier attempts in place: only the latest counts. An errored
  // episode scores 0 and has not passed; one not yet judged is left out of mean and pass rate.
  // The run ids as a list, not a subquery on runs.config: the planner then expects the real
  // number of episodes and joins the steps in one pass instead of one lookup per episode.
  const runIdList = sql.join(
    runs.map((r) => sql`${r.id}::uuid`),
    sql`, `,
  );
  const aggs =
    runs.length === 0
      ? []
      : await db.execute<AggRow>(sql`
    with ep as (
      select distinct on (t.run_id, coalesce(t.metadata->>'episodeId', t.id::text))
        t.id, t.run_id, t.task_id, t.outcome, t.tool_call_count, t.peak_context_tokens, t.duration_ms,
        case when t.outcome = 'error' then 0 else t.reward end as score
      from trajectories t
      where t.project_id = ${projectId}::uuid and t.run_id in (${runIdList})
      order by t.run_id, coalesce(t.metadata->>'episodeId', t.id::text), t.created_at desc, t.id desc
    ), turns as (
      -- one grouped pass over the steps: a lookup per episode cost 3 times as much at 100k episodes
      select s.trajectory_id, count(*) as n from trajectory_steps s join ep on ep.id = s.trajectory_id
      where s.role = 'assistant' group by s.trajectory_id
    ), scored as (
      select ep.*, k.metadata->>'category' as category, coalesce(tn.n, 0) as turns
      from ep left join tasks k on k.id = ep.task_id left join turns tn on tn.trajectory_id = ep.id
    )
    select run_id, category,
      count(*)::int as episodes, count(score)::int as scored,
      (count(*) filter (where outcome = 'error'))::int as errors,
      (count(*) filter (where outcome = 'pass' and score is not null))::int as passes,
      sum(score)::float8 as score_sum,
      array_agg(score::float8 order by id) filter (where score is not null) as scores,
      sum(turns)::float8 as turns_sum,
      sum(peak_context_tokens)::float8 as peak_sum, count(peak_context_tokens)::int as peak_n,
      sum(tool_call_count)::float8 as tool_calls_sum,
      sum(duration_ms)::float8 as duration_sum, count(duration_ms)::int as duration_n
    from scored
    group by run_id, category
    order by run_id, category nulls last`);

  const whole = new Map<string, Totals>();
  const byCategory = new Map<string, Map<string, AggRow>>();
  for (const a of aggs) {
    const t = whole.get(a.run_id) ?? zero();
    for (const k of [
      "episodes",
      "scored",
      "errors",
      "passes",
      "turns_sum",
      "peak_n",
      "tool_calls_sum",
      "duration_n",
    ] as const)
      t[k] += Number(a[k]);
    for (const k of ["score_sum", "peak_sum", "duration_sum"] as const) t[k] = Number(t[k]) + Number(a[k] ?? 0);
    // rows come in category order, so a run's scores are always concatenated the same way
    t.scores.push(...(a.scores ?? []).map(Number));
    whole.set(a.run_id, t);
    if (a.category !== null) byCategory.set(a.run_id, (byCategory.get(a.run_id) ?? new Map()).set(a.category, a));
  }

  const categories = set.categories ?? [];
  const rows: LeaderboardRow[] = runs.map((r) => {
    const a = whole.get(r.id) ?? zero();
    const cats = byCategory.get(r.id);
    return {
      runId: r.id,
      runName: r.name,
      status: r.status,
      createdAt: iso(r.created_at),
      policyName: r.policy_name,
      policyModel: r.policy_model,
      strategy: r.strategy,
      checkpoint: r.checkpoint,
      episodes: a.episodes,
      scored: a.scored,
      unscored: a.episodes - a.scored,
      errors: a.errors,
      passes: a.passes,
      meanReward: ratio(a.score_sum, a.scored),
      interval: cachedInterval(r.id, a.scores),
      passRate: passRate(a.passes, a.scored),
      categories: categories.map((c) => {
        const x = cats?.get(c);
        return { category: c, n: x?.scored ?? 0, meanReward: x ? ratio(x.score_sum, x.scored) : null };
      }),
      meanTurns: ratio(a.turns_sum, a.episodes),
      meanPeakContextTokens: ratio(a.peak_sum, a.peak_n),
      meanToolCalls: ratio(a.tool_calls_sum, a.episodes),
      meanDurationMs: ratio(a.duration_sum, a.duration_n),
      paretoOptimal: false,
    };
  });
  const front = paretoFront(rows.map((r) => ({ id: r.runId, x: r.meanPeakContextTokens, y: r.meanReward })));
  for (const r of rows) r.paretoOptimal = front.includes(r.runId);

  return {
    taskSets,
    taskSet: { id: set.id, name: set.name, taskCount: set.task_count },
    categories,
    rows,
    paretoFront: front,
    bootstrap,
  };
}

async function listTaskSetsWithRuns(db: DbOrTx, projectId: string): Promise<LeaderboardTaskSet[]> {
  const rows = await db.execute<{ id: string; name: string; run_count: number; last_run_at: string }>(sql`
    select ts.id, ts.name, count(*)::int as run_count, max(r.created_at) as last_run_at
    from runs r join task_sets ts on ts.id::text = r.config->>'taskSetId' and ts.project_id = r.project_id
    where r.project_id = ${projectId}::uuid and r.kind = 'benchmark'
    group by ts.id, ts.name order by last_run_at desc, ts.name`);
  return rows.map((r) => ({ id: r.id, name: r.name, runCount: r.run_count, lastRunAt: iso(r.last_run_at) }));
}

// 2000 resamples of 1000 episodes are 2 million draws per run: a finished run's scores do not
// change, so its interval is kept, keyed by the scores themselves, until they do.
const intervals = new Map<string, Interval>();
const CACHE_MAX = 2000;

function cachedInterval(runId: string, scores: number[]): Interval {
  const key = `${runId}:${scores.length}:${fingerprint(scores)}`;
  const hit = intervals.get(key);
  if (hit) return hit;
  const interval = bootstrapMeanInterval(scores);
  if (intervals.size >= CACHE_MAX) intervals.delete(intervals.keys().next().value as string);
  intervals.set(key, interval);
  return interval;
}

/** FNV-1a over the scores' 64-bit patterns: any change of a value or its order changes it. */
function fingerprint(scores: number[]) {
  const bytes = new Uint8Array(Float64Array.from(scores).buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(36);
}
