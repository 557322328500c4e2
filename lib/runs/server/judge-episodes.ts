// Judges a benchmark run's finished episodes with the run's rubric (each task's own rubric, or
// one version for all) and judge, through the judging engine: verdicts are cached, scores land
// where judging runs put theirs, and the reward and pass/fail come from the rubric's aggregation.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rubrics, rubricVersions } from "@/db/schema";
import { replaceScores } from "@/lib/judging/server/judge-run-page";
import { judgeItems } from "@/lib/judging/server/judge-trajectory";
import { type LoadedRubric, loadJudgeRow, loadRubricVersion } from "@/lib/judging/server/load-rubric";
import { loadTrajectories } from "@/lib/judging/server/load-trajectories";
import { openJudge } from "@/lib/judging/server/open-judge";
import type { BenchmarkConfig } from "../schemas";

export type EpisodeVerdict = { reward: number | null; passed: boolean | null; rubric: string | null };

/** Latest version of each task's own rubric, by task id. */
async function taskRubrics(db: DbOrTx, projectId: string, taskIds: string[]) {
  const rows = await db
    .select({ taskId: rubrics.taskId, versionId: rubricVersions.id })
    .from(rubricVersions)
    .innerJoin(rubrics, eq(rubrics.id, rubricVersions.rubricId))
    .where(and(eq(rubrics.projectId, projectId), inArray(rubrics.taskId, taskIds)))
    .orderBy(desc(rubrics.createdAt), desc(rubricVersions.version));
  const byTask = new Map<string, string>();
  for (const r of rows) if (r.taskId && !byTask.has(r.taskId)) byTask.set(r.taskId, r.versionId);
  return byTask;
}

export async function judgeEpisodes({
  db,
  projectId,
  config,
  episodes,
  signal,
}: {
  /** outside any step's transaction: verdicts and scores survive a crash */
  db: DbOrTx;
  projectId: string;
  config: Pick<BenchmarkConfig, "rubric" | "judgeId">;
  episodes: { trajectoryId: string; taskId: string }[];
  signal?: AbortSignal;
}): Promise<Map<string, EpisodeVerdict>> {
  const verdicts = new Map<string, EpisodeVerdict>();
  if (!episodes.length) return verdicts;
  const versionOf =
    config.rubric.mode === "version"
      ? new Map(episodes.map((e) => [e.taskId, (config.rubric as { rubricVersionId: string }).rubricVersionId]))
      : await taskRubrics(db, projectId, [...new Set(episodes.map((e) => e.taskId))]);
  const judgeRow = await loadJudgeRow(db, projectId, config.judgeId);
  const judge = openJudge(judgeRow);

  const groups = new Map<string, string[]>();
  for (const e of episodes) {
    const v = versionOf.get(e.taskId);
    if (!v) {
      verdicts.set(e.trajectoryId, { reward: null, passed: null, rubric: null });
      continue;
    }
    groups.set(v, [...(groups.get(v) ?? []), e.trajectoryId]);
  }
  const loaded = new Map<string, LoadedRubric>();
  for (const [versionId, ids] of groups) {
    let rubric = loaded.get(versionId);
    if (!rubric) {
      rubric = await loadRubricVersion(db, projectId, versionId);
      loaded.set(versionId, rubric);
    }
    const items = await loadTrajectories(db, projectId, ids);
    const { outcomes } = await judgeItems({ db, projectId, rubric, judge, items, signal });
    await replaceScores(
      db,
      { projectId, judgeId: judgeRow?.id ?? null },
      rubric,
      items.map((it, i) => ({ trajectoryId: it.trajectoryId, outcome: outcomes[i] })),
    );
    for (const [i, it] of items.entries())
      verdicts.set(it.trajectoryId, {
        reward: outcomes[i].reward,
        passed: outcomes[i].passed,
        rubric: `${rubric.rubricName} v${rubric.version}`,
      });
  }
  return verdicts;
}
