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
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

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

type AggRow = {
  run_id: string;
  category: string | null;
  whole_run: boolean;
  episodes: number;
  scored: number;
  errors: number;
  passes: number;
  mean: number | null;
  scores: number[] | null;
  turns: number | null;
  peak: number | null;
  tool_calls: number | null;
  duration: number | null;
};

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
  const aggs = await db.execute<AggRow>(sql`
    with ep as (
      select distinct on (t.run_id, coalesce(t.metadata->>'episodeId', t.id::text))
        t.id, t.run_id, t.task_id, t.outcome, t.tool_call_count, t.peak_context_tokens, t.duration_ms,
        case when t.outcome = 'error' then 0 else t.reward end as score
      from trajectories t
      where t.project_id = ${projectId}::uuid and t.run_id in (select r.id from runs r where ${inTaskSet})
      order by t.run_id, coalesce(t.metadata->>'episodeId', t.id::text), t.created_at desc, t.id desc
    ), scored as (
      select ep.*, k.metadata->>'category' as category,
        (select count(*) from trajectory_steps s where s.trajectory_id = ep.id and s.role = 'assistant') as turns
      from ep left join tasks k on k.id = ep.task_id
    )
    select run_id, category, grouping(category) = 1 as whole_run,
      count(*)::int as episodes, count(score)::int as scored,
      (count(*) filter (where outcome = 'error'))::int as errors,
      (count(*) filter (where outcome = 'pass' and score is not null))::int as passes,
      avg(score)::float8 as mean,
      case when grouping(category) = 1
        then (array_agg(score::float8 order by id) filter (where score is not null)) end as scores,
      avg(turns)::float8 as turns, avg(peak_context_tokens)::float8 as peak,
      avg(tool_call_count)::float8 as tool_calls, avg(duration_ms)::float8 as duration
    from scored
    group by grouping sets ((run_id), (run_id, category))`);

  const whole = new Map<string, AggRow>();
  const byCategory = new Map<string, AggRow[]>();
  for (const a of aggs) {
    if (a.whole_run) whole.set(a.run_id, a);
    else if (a.category !== null) byCategory.set(a.run_id, [...(byCategory.get(a.run_id) ?? []), a]);
  }

  const categories = set.categories ?? [];
  const rows: LeaderboardRow[] = runs.map((r) => {
    const a = whole.get(r.id);
    const scores = (a?.scores ?? []).map(Number);
    const cats = new Map((byCategory.get(r.id) ?? []).map((c) => [c.category as string, c]));
    return {
      runId: r.id,
      runName: r.name,
      status: r.status,
      createdAt: iso(r.created_at),
      policyName: r.policy_name,
      policyModel: r.policy_model,
      strategy: r.strategy,
      checkpoint: r.checkpoint,
      episodes: a?.episodes ?? 0,
      scored: a?.scored ?? 0,
      unscored: (a?.episodes ?? 0) - (a?.scored ?? 0),
      errors: a?.errors ?? 0,
      passes: a?.passes ?? 0,
      meanReward: numOrNull(a?.mean),
      interval: cachedInterval(r.id, scores),
      passRate: passRate(a?.passes ?? 0, a?.scored ?? 0),
      categories: categories.map((c) => ({
        category: c,
        n: cats.get(c)?.scored ?? 0,
        meanReward: numOrNull(cats.get(c)?.mean),
      })),
      meanTurns: numOrNull(a?.turns),
      meanPeakContextTokens: numOrNull(a?.peak),
      meanToolCalls: numOrNull(a?.tool_calls),
      meanDurationMs: numOrNull(a?.duration),
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
