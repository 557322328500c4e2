// What the trajectory list can be filtered by, with counts over the whole project.
import { and, count, countDistinct, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels, runs, trajectories as t } from "@/db/schema";
import { outcomes } from "../format";
import { FACET_TOP, type TrajectoryFacets } from "../schemas";

export async function listTrajectoryFacets({
  db,
  projectId,
}: {
  db: DbOrTx;
  projectId: string;
}): Promise<TrajectoryFacets> {
  const inProject = eq(t.projectId, projectId);
  // one scan for the small facets: each grouping set is one facet, () is the whole project
  const grouped = db
    .select({
      outcome: t.outcome,
      policy: t.policy,
      strategy: t.loadingStrategy,
      runId: t.runId,
      set: sql<number>`grouping(${t.outcome}, ${t.policy}, ${t.loadingStrategy}, ${t.runId})`.mapWith(Number),
      n: count(),
      min: sql<number | null>`min(${t.reward})`.mapWith((v) => (v === null ? null : Number(v))),
      max: sql<number | null>`max(${t.reward})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(t)
    .where(inProject)
    .groupBy(sql`grouping sets ((${t.outcome}), (${t.policy}), (${t.loadingStrategy}), (${t.runId}), ())`);
  const taskRefs = db
    .select({ value: t.taskRef, count: count() })
    .from(t)
    .where(and(inProject, isNotNull(t.taskRef)))
    .groupBy(t.taskRef)
    .orderBy(desc(count()), t.taskRef)
    .limit(FACET_TOP);
  const tool = sql<string>`u.name`;
  const tools = db
    .select({ value: tool, count: count() })
    .from(sql`${t} cross join lateral unnest(${t.toolsUsed}) as u(name)`)
    .where(inProject)
    .groupBy(tool)
    .orderBy(desc(count()), tool)
    .limit(FACET_TOP);
  const labeled = db
    .select({ n: countDistinct(labels.trajectoryId) })
    .from(labels)
    .where(eq(labels.projectId, projectId));
  const [groups, taskRows, toolRows, [{ n: labeledCount }]] = await Promise.all([grouped, taskRefs, tools, labeled]);

  // grouping() sets a bit for each column left out of the set: 0b0111 is the outcome set, ...
  const of = (bits: number) => groups.filter((g) => g.set === bits);
  const whole = of(0b1111)[0];
  const counted = (rows: { value: string | null; n: number }[]) =>
    rows
      .filter((r): r is { value: string; n: number } => r.value !== null)
      .map((r) => ({ value: r.value, count: r.n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const byOutcome = new Map(of(0b0111).map((g) => [g.outcome ?? "none", g.n]));
  const runCounts = of(0b1110).filter((g) => g.runId !== null);
  const runNames = runCounts.length
    ? await db
        .select({ id: runs.id, name: runs.name })
        .from(runs)
        .where(
          and(
            eq(runs.projectId, projectId),
            inArray(
              runs.id,
              runCounts.map((g) => g.runId as string),
            ),
          ),
        )
    : [];
  const names = new Map(runNames.map((r) => [r.id, r.name]));

  return {
    total: whole?.n ?? 0,
    runs: runCounts
      .map((g) => ({ id: g.runId as string, name: names.get(g.runId as string) ?? "", count: g.n }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    tasks: taskRows.map((r) => ({ value: r.value as string, count: r.count })),
    tools: toolRows,
    policies: counted(of(0b1011).map((g) => ({ value: g.policy, n: g.n }))),
    strategies: counted(of(0b1101).map((g) => ({ value: g.strategy, n: g.n }))),
    outcomes: [...outcomes, "none" as const].map((value) => ({ value, count: byOutcome.get(value) ?? 0 })),
    labeled: labeledCount,
    reward: { min: whole?.min ?? null, max: whole?.max ?? null },
  };
}
