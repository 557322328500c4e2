// Sends the trajectories where a judge and people disagree on a criterion to a new annotation
// queue with the criterion's label schema, so people can look at them again.
import type { Db } from "@/db/client";
import { AppError, invalid, notFound } from "@/lib/errors";
import { MAX_QUEUE_ITEMS } from "@/lib/labeling/schemas";
import { createQueue } from "@/lib/labeling/server/create-queue";
import { type DisagreementQueueResult, disagreementQueueInput } from "../agreement-schemas";
import { buildAgreement } from "./agreement-report";

export async function sendDisagreementsToQueue({
  db,
  projectId,
  userId,
  input,
}: {
  db: Db;
  projectId: string;
  userId: string | null;
  input: unknown;
}): Promise<DisagreementQueueResult> {
  const q = disagreementQueueInput.parse(input);
  // the figures are not needed here, only who disagrees: skip the bootstrap
  const [row] = await buildAgreement({ db, projectId, query: { labelSchemaId: q.labelSchemaId }, resamples: 0 });
  if (!row) throw notFound(`A label schema '${q.labelSchemaId}' tied to a rubric criterion`, "labelSchemaId");
  const judge = row.judges.find((j) => j.judgeKey === q.judgeKey);
  if (!judge)
    throw invalid(
      "judgeKey",
      `No judgments of '${row.criterionTitle ?? row.criterionId}' by judge '${q.judgeKey}' on labeled trajectories: take judgeKey from the agreement report`,
    );
  const ids = (row.allDisagreeing.get(q.judgeKey) ?? []).slice(0, MAX_QUEUE_ITEMS);
  if (!ids.length) throw invalid("judgeKey", `${judge.judgeName} agrees with every label here: nothing to send`);
  const base = q.name ?? `Disagreements: ${row.criterionTitle ?? row.criterionId} vs ${judge.judgeName}`.slice(0, 90);
  // a default name that is taken gets a number; a name the caller chose is theirs to change
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    try {
      const queue = await createQueue({
        db,
        projectId,
        userId,
        input: {
          name,
          description: `Trajectories where ${judge.judgeName} and people disagree on '${row.criterionTitle ?? row.criterionId}' (${row.rubricName}).`,
          labelSchemaIds: [row.labelSchemaId],
          trajectoryIds: ids,
        },
      });
      return { queue, sent: ids.length };
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT" && !q.name && i < 50)) throw e;
    }
  }
}
