import type { DbOrTx } from "@/db/client";
import { labelSchemas } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { labelSchemaInput } from "../schemas";
import { checkRubricCriterion } from "./check-rubric-criterion";
import { toOptions, toSchemaView } from "./to-view";
import { isUniqueViolation } from "./unique-violation";

export async function createLabelSchema({
  db,
  projectId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string | null;
  input: unknown;
}) {
  const s = labelSchemaInput.parse(input);
  await checkRubricCriterion(db, projectId, s.rubricId, s.criterionId);
  try {
    const [row] = await db
      .insert(labelSchemas)
      .values({
        projectId,
        name: s.name,
        description: s.description,
        kind: s.kind,
        level: s.level,
        options: toOptions(s),
        rubricId: s.rubricId ?? null,
        criterionId: s.criterionId ?? null,
        createdBy: userId,
      })
      .returning();
    return toSchemaView(row, 0);
  } catch (e) {
    if (isUniqueViolation(e, "label_schemas_name_uq"))
      throw conflict(`A label schema named '${s.name}' exists in this project: choose another name`, "name");
    throw e;
  }
}
