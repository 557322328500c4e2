// Judge-versus-human agreement per tied criterion and per judge: each person's label is one pair
// with the judge's newest score of the same trajectory content for that criterion.
import type { DbOrTx } from "@/db/client";
import type { LabelValue } from "@/lib/labeling/schemas";
import { agreementOf, categoriesOf, categoryOf, categoryScaleOf, labelScore, type Pair } from "../agreement";
import {
  type AgreementQuery,
  type AgreementReport,
  type CriterionAgreementView,
  type DisagreementView,
  MAX_LISTED_DISAGREEMENTS,
  mappingText,
} from "../agreement-schemas";
import {
  type JudgmentRow,
  loadCriteria,
  loadJudgeNames,
  loadJudgments,
  loadLabels,
  loadTiedSchemas,
} from "./agreement-data";

type Built = CriterionAgreementView & {
  /** every disagreeing trajectory per judge key, not only the listed ones */
  allDisagreeing: Map<string, string[]>;
};

export async function buildAgreement({
  db,
  projectId,
  query,
  resamples,
}: {
  db: DbOrTx;
  projectId: string;
  query: AgreementQuery;
  resamples?: number;
}): Promise<Built[]> {
  const schemas = await loadTiedSchemas(db, projectId, query);
  if (!schemas.length) return [];
  const rubricIds = [...new Set(schemas.map((s) => s.rubricId))];
  const criteria = await loadCriteria(db, rubricIds);
  const allLabels = await loadLabels(
    db,
    schemas.map((s) => s.id),
  );
  const hashes = [...new Set(allLabels.map((l) => l.contentHash))];
  const rows = await loadJudgments(db, projectId, rubricIds, [...new Set(schemas.map((s) => s.criterionId))], hashes);
  // newest first: the first row of each (rubric, criterion, judge, content) wins
  const newest = new Map<string, JudgmentRow>();
  for (const r of rows) {
    const k = `${r.rubricId}\u0000${r.criterionId}\u0000${r.judgeKey}\u0000${r.contentHash}`;
    if (!newest.has(k)) newest.set(k, r);
  }
  const names = await loadJudgeNames(db, projectId, [...new Set(rows.map((r) => r.judgeKey))]);

  return schemas.map((s) => {
    const crit = criteria.get(s.rubricId)?.get(s.criterionId);
    const scale = categoryScaleOf(crit?.scaleKind ?? "binary");
    const categories = categoriesOf(scale);
    const mine = allLabels.filter((l) => l.schemaId === s.id);
    const scored = mine.map((l) => ({ l, score: labelScore(s, l.value) }));
    const judgeKeys = [
      ...new Set(
        [...newest.values()]
          .filter((j) => j.rubricId === s.rubricId && j.criterionId === s.criterionId)
          .map((j) => j.judgeKey),
      ),
    ].sort();
    const allDisagreeing = new Map<string, string[]>();
    const judgesOut = judgeKeys.map((key) => {
      const pairs: Pair[] = [];
      const disagreements: DisagreementView[] = [];
      let notJudged = 0;
      for (const { l, score } of scored) {
        if (score === null) continue;
        const j = newest.get(`${s.rubricId}\u0000${s.criterionId}\u0000${key}\u0000${l.contentHash}`);
        if (!j) continue;
        if (j.value === null) {
          notJudged++;
          continue;
        }
        const pair = { human: categoryOf(scale, score), judge: categoryOf(scale, j.value) };
        pairs.push(pair);
        if (pair.human === pair.judge) continue;
        disagreements.push({
          trajectoryId: l.trajectoryId,
          summary: l.summary,
          taskRef: l.taskRef,
          author: l.author,
          humanValue: l.value as LabelValue,
          human: pair.human,
          judgeValue: j.value,
          judge: pair.judge,
          rationale: j.rationale,
          evidence: j.evidence,
          rubricVersion: j.version,
        });
      }
      allDisagreeing.set(key, [...new Set(disagreements.map((d) => d.trajectoryId))]);
      const name = names.get(key) ?? { name: key, judgeId: null };
      return {
        judgeKey: key,
        judgeName: name.name,
        judgeId: name.judgeId,
        ...agreementOf(categories, pairs, { resamples }),
        notJudged,
        disagreementCount: disagreements.length,
        disagreements: disagreements.slice(0, MAX_LISTED_DISAGREEMENTS),
      };
    });
    return {
      labelSchemaId: s.id,
      labelSchemaName: s.name,
      labelKind: s.kind,
      rubricId: s.rubricId,
      rubricName: s.rubricName,
      criterionId: s.criterionId,
      criterionTitle: crit?.title ?? null,
      scale,
      categories,
      labelCount: mine.length,
      unmapped: scored.filter((x) => x.score === null).length,
      judges: judgesOut,
      allDisagreeing,
    };
  });
}

export async function getAgreement(args: {
  db: DbOrTx;
  projectId: string;
  query: AgreementQuery;
}): Promise<AgreementReport> {
  const built = await buildAgreement(args);
  return { items: built.map(({ allDisagreeing: _, ...view }) => view), mapping: mappingText };
}
