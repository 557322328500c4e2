// Runs as the list and the run page show them: the run, its latest job's status, episode counts
// per status and the mean reward of its judged episodes, each read in one statement per kind.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { episodes, jobs, type Run, taskSets, toolspaces, trajectories } from "@/db/schema";
import { benchmarkConfig, type EpisodeStatus, episodeStatuses, type RunView, runStatuses } from "../schemas";

export async function runViews(db: DbOrTx, runRows: Run[]): Promise<RunView[]> {
  if (!runRows.length) return [];
  const ids = runRows.map((r) => r.id);
  const [counts, latestJobs, rewards] = await Promise.all([
    db
      .select({ runId: episodes.runId, status: episodes.status, n: sql<number>`count(*)::int` })
      .from(episodes)
      .where(inArray(episodes.runId, ids))
      .groupBy(episodes.runId, episodes.status),
    db
      .selectDistinctOn([jobs.runId], { runId: jobs.runId, id: jobs.id, status: jobs.status })
      .from(jobs)
      .where(and(inArray(jobs.runId, ids), eq(jobs.type, "bench.run")))
      .orderBy(jobs.runId, desc(jobs.createdAt)),
    db
      .select({
        runId: episodes.runId,
        mean: sql<number | null>`avg(${trajectories.reward})::float8`,
        judged: sql<number>`count(${trajectories.reward})::int`,
        passed: sql<number>`count(*) filter (where ${trajectories.outcome} = 'pass')::int`,
      })
      .from(episodes)
      .innerJoin(trajectories, eq(trajectories.id, episodes.trajectoryId))
      .where(and(inArray(episodes.runId, ids), eq(episodes.status, "succeeded")))
      .groupBy(episodes.runId),
  ]);
  const configs = runRows.map((r) => benchmarkConfig.safeParse(r.config).data ?? null);
  const setIds = [...new Set(configs.flatMap((c) => (c ? [c.taskSetId] : [])))];
  const spaceIds = [...new Set(configs.flatMap((c) => (c ? [c.toolspaceId] : [])))];
  const [sets, spaces] = await Promise.all([
    setIds.length
      ? db.select({ id: taskSets.id, name: taskSets.name }).from(taskSets).where(inArray(taskSets.id, setIds))
      : [],
    spaceIds.length
      ? db.select({ id: toolspaces.id, name: toolspaces.name }).from(toolspaces).where(inArray(toolspaces.id, spaceIds))
      : [],
  ]);
  const setName = new Map(sets.map((s) => [s.id, s.name]));
  const spaceName = new Map(spaces.map((s) => [s.id, s.name]));

  return runRows.map((r, i) => {
    const config = configs[i];
    const c = Object.fromEntries(episodeStatuses.map((s) => [s, 0])) as Record<EpisodeStatus, number>;
    for (const row of counts) if (row.runId === r.id) c[row.status] = row.n;
    const job = latestJobs.find((j) => j.runId === r.id);
    const reward = rewards.find((x) => x.runId === r.id);
    const jobStatus = job?.status as (typeof runStatuses)[number] | undefined;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      // the job is the truth while it exists: a cancel that ended a queued job never reached the run row
      status: jobStatus && runStatuses.includes(jobStatus) ? jobStatus : r.status,
      policy: { id: r.policyId, name: config?.policy.name ?? "", model: config?.policy.model ?? "" },
      taskSet: config ? { id: config.taskSetId, name: setName.get(config.taskSetId) ?? "(deleted)" } : null,
      toolspace: config ? { id: config.toolspaceId, name: spaceName.get(config.toolspaceId) ?? "(deleted)" } : null,
      strategy: config?.strategy ?? "",
      config,
      jobId: job?.id ?? null,
      counts: c,
      episodes: Object.values(c).reduce((a, b) => a + b, 0),
      meanReward: reward?.mean ?? null,
      judged: reward?.judged ?? 0,
      passed: reward?.passed ?? 0,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  });
}
