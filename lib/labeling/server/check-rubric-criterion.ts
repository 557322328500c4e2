import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rubrics, rubricVersions } from "@/db/schema";
import { invalid } from "@/lib/errors";

/** Criterion ids in a version's `criteria`: a list of objects that carry an `id`. */
function criterionIds(criteria: unknown): string[] {
  const list = Array.isArray(criteria)
    ? criteria
    : Array.isArray((criteria as { items?: unknown })?.items)
      ? (criteria as { items: unknown[] }).items
      : [];
  return list.flatMap((c) =>
    c && typeof c === "object" && typeof (c as { id?: unknown }).id === "string" ? [(c as { id: string }).id] : [],
  );
}

/**
 * A label schema tied to a rubric criterion: the rubric must be one of the project's, and the
 * criterion id must appear in one of its versions (versions keep criterion ids, so an old
 * criterion stays a valid tie).
 */
export async function checkRubricCriterion(
  db: DbOrTx,
  projectId: string,
  rubricId: string | null | undefined,
  criterionId: string | null | undefined,
) {
  if (!rubricId || !criterionId) return;
  const [rubric] = await db
    .select({ id: rubrics.id, name: rubrics.name })
    .from(rubrics)
    .where(and(eq(rubrics.projectId, projectId), eq(rubrics.id, rubricId)));
  if (!rubric)
    throw invalid("rubricId", "rubricId is not a rubric of this project: leave it out or use one of its ids");
  const versions = await db
    .select({ criteria: rubricVersions.criteria })
    .from(rubricVersions)
    .where(eq(rubricVersions.rubricId, rubricId));
  const ids = new Set(versions.flatMap((v) => criterionIds(v.criteria)));
  if (!ids.has(criterionId))
    throw invalid(
      "criterionId",
      ids.size
        ? `The rubric '${rubric.name}' has no criterion '${criterionId}'; its criteria are ${[...ids]
            .slice(0, 20)
            .map((i) => `'${i}'`)
            .join(", ")}`
        : `The rubric '${rubric.name}' has no criteria yet: save a version with criteria first, or leave the tie out`,
    );
}
