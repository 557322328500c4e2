// The diff between two versions of one rubric, by number; by default the latest against the one before.
import type { DbOrTx } from "@/db/client";
import { invalid } from "@/lib/errors";
import { diffRubricVersions } from "../diff";
import type { RubricDiff } from "../schemas";
import { getRubric } from "./get-rubrics";

export async function diffRubric({
  db,
  projectId,
  rubricId,
  from,
  to,
}: {
  db: DbOrTx;
  projectId: string;
  rubricId: string;
  from?: number;
  to?: number;
}): Promise<RubricDiff> {
  const { versions } = await getRubric({ db, projectId, rubricId });
  const latest = versions[0].version;
  const toN = to ?? latest;
  const fromN = from ?? Math.max(1, toN - 1);
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  const a = byNumber.get(fromN);
  const b = byNumber.get(toN);
  if (!b) throw invalid("to", `to: this rubric has versions 1 to ${latest}; ${toN} is not one of them`);
  if (!a) throw invalid("from", `from: this rubric has versions 1 to ${latest}; ${fromN} is not one of them`);
  return { from: fromN, to: toN, changes: diffRubricVersions(a, b) };
}
