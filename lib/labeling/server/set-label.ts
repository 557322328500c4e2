import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels, trajectorySteps } from "@/db/schema";
import { conflict, invalid } from "@/lib/errors";
import { checkLabelValue, labelInput } from "../schemas";
import { loadLabelSchema } from "./get-label-schema";
import { selectLabels } from "./list-trajectory-labels";
import { loadTrajectory } from "./load-trajectory";
import { toSchemaView } from "./to-view";

/**
 * Sets the caller's label for (schema, trajectory, step): a second call replaces it, and two
 * people labeling the same item keep a label each.
 */
export async function setLabel({
  db,
  projectId,
  trajectoryId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  trajectoryId: string;
  userId: string;
  input: unknown;
}) {
  const { labelSchemaId, stepIndex = null, value } = labelInput.parse(input);
  const schemaRow = await loadLabelSchema(db, projectId, labelSchemaId);
  const schema = toSchemaView(schemaRow);
  if (schema.archived)
    throw conflict(
      `The label schema '${schema.name}' is archived: an editor can restore it to label with it`,
      "labelSchemaId",
    );
  await loadTrajectory(db, projectId, trajectoryId);

  if (schema.level === "step") {
    if (stepIndex === null)
      throw invalid(
        "stepIndex",
        `'${schema.name}' labels steps: send the step's index as stepIndex (0 is the first step)`,
      );
    const [step] = await db
      .select({ index: trajectorySteps.index })
      .from(trajectorySteps)
      .where(and(eq(trajectorySteps.trajectoryId, trajectoryId), eq(trajectorySteps.index, stepIndex)));
    if (!step) throw invalid("stepIndex", `The trajectory has no step ${stepIndex}`);
  } else if (stepIndex !== null)
    throw invalid("stepIndex", `'${schema.name}' labels whole trajectories: leave stepIndex out`);

  const problem = checkLabelValue(schema, value);
  if (problem) throw invalid("value", problem);

  const now = new Date();
  const [row] = await db
    .insert(labels)
    .values({ projectId, trajectoryId, stepIndex, labelSchemaId, key: schema.name, value, authorId: userId })
    .onConflictDoUpdate({
      target: [labels.labelSchemaId, labels.trajectoryId, labels.stepIndex, labels.authorId],
      set: { value, key: schema.name, updatedAt: now },
    })
    .returning({ id: labels.id });
  const [view] = await selectLabels(db, [eq(labels.id, row.id)]);
  return view;
}
