// The reward API's work: canonical trajectories in (not stored), rewards with their breakdown out.
// Each record's content hash is the one ingest computes, so an episode judged here or in a judging
// run is served from the same cache. A record that does not validate fails the whole call with a
// 400 naming its path, e.g. trajectories[3].steps[2].message.role.
import type { DbOrTx } from "@/db/client";
import { invalid } from "@/lib/errors";
import { type TrajectoryRecord, trajectoryInput } from "@/lib/trajectories/format";
import { hashTrajectory } from "@/lib/trajectories/server/account-context";
import type { RewardBody, RewardResponse } from "../schemas";
import { judgeItems } from "./judge-trajectory";
import { loadJudgeRow, loadRubricVersion } from "./load-rubric";
import { openJudge } from "./open-judge";
import { tasksByRef, variablesOf } from "./task-variables";

const pathText = (path: PropertyKey[]) =>
  path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");

export function parseRecords(raw: unknown[]): TrajectoryRecord[] {
  return raw.map((r, i) => {
    const parsed = trajectoryInput.safeParse(r);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = `trajectories[${i}]${pathText(issue.path)}`;
    throw invalid(field, `${field}: ${issue.message}`);
  });
}

export async function computeRewards({
  db,
  projectId,
  body,
}: {
  db: DbOrTx;
  projectId: string;
  body: RewardBody;
}): Promise<RewardResponse> {
  const records = parseRecords(body.trajectories);
  const rubric = await loadRubricVersion(db, projectId, body.rubricVersionId);
  const judge = openJudge(await loadJudgeRow(db, projectId, body.judgeId));
  const tasks = await tasksByRef(
    db,
    projectId,
    records.map((r) => r.task?.id),
  );
  const items = records.map((record) => ({
    contentHash: hashTrajectory(record),
    record,
    variables: variablesOf((record.task?.id && tasks.get(record.task.id)) || null, record),
  }));
  const { outcomes, counts } = await judgeItems({ db, projectId, rubric, judge, items });

  const rewards = outcomes.flatMap((o) => (o.reward === null ? [] : [o.reward]));
  const mean = rewards.length ? rewards.reduce((a, b) => a + b, 0) / rewards.length : null;
  const std = mean === null ? null : Math.sqrt(rewards.reduce((n, r) => n + (r - mean) ** 2, 0) / rewards.length);
  const grouped = body.groupId !== undefined;
  return {
    groupId: body.groupId ?? null,
    results: outcomes.map((o, index) => ({
      ...o,
      index,
      id: records[index].id ?? `sha256:${items[index].contentHash}`,
      advantage:
        grouped && o.reward !== null && mean !== null && std !== null ? (std > 0 ? (o.reward - mean) / std : 0) : null,
    })),
    group: grouped ? { mean, std, n: rewards.length } : null,
    cache: { hits: counts.cached, judged: counts.judged + counts.errors },
  };
}
