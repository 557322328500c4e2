import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { labelSchemas, labels } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { labelSchemaInput, labelSchemaPatch } from "../schemas";
import { checkRubricCriterion } from "./check-rubric-criterion";
import { loadLabelSchema } from "./get-label-schema";
import { toOptions, toSchemaView } from "./to-view";
import { isUniqueViolation } from "./unique-violation";

/**
 * Edits a label schema (or archives it). Once labels use it, it keeps its kind and level, and
 * its categories and range must still hold every value given so far: labels are never
 * silently invalidated.
 */
export async function updateLabelSchema({
  db,
  projectId,
  labelSchemaId,
  input,
}: {
  db: Db;
  projectId: string;
  labelSchemaId: string;
  input: unknown;
}) {
  const patch = labelSchemaPatch.parse(input);
  return db.transaction(async (tx) => {
    const row = await loadLabelSchema(tx, projectId, labelSchemaId);
    const current = toSchemaView(row);
    const merged = labelSchemaInput.parse({
      name: patch.name ?? current.name,
      description: patch.description ?? current.description,
      kind: patch.kind ?? current.kind,
      level: patch.level ?? current.level,
      ...pick(patch, current, ["categories", "min", "max", "step", "rubricId", "criterionId"]),
    });
    if (patch.rubricId !== undefined || patch.criterionId !== undefined)
      await checkRubricCriterion(tx, projectId, merged.rubricId, merged.criterionId);

    const [{ n }] = await tx.select({ n: count() }).from(labels).where(eq(labels.labelSchemaId, row.id));
    if (n > 0) {
      for (const f of ["kind", "level"] as const)
        if (merged[f] !== row[f])
          throw conflict(
            `${n} labels use this schema, so its ${f} stays '${row[f]}': create a new schema for a different ${f}`,
            f,
          );
      await checkValuesStillFit(tx, row.id, merged);
    }
    try {
      const [updated] = await tx
        .update(labelSchemas)
        .set({
          name: merged.name,
          description: merged.description,
          kind: merged.kind,
          level: merged.level,
          options: toOptions(merged),
          rubricId: merged.rubricId ?? null,
          criterionId: merged.criterionId ?? null,
          ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
        })
        .where(and(eq(labelSchemas.id, row.id), eq(labelSchemas.projectId, projectId)))
        .returning();
      return toSchemaView(updated, n);
    } catch (e) {
      if (isUniqueViolation(e, "label_schemas_name_uq"))
        throw conflict(`A label schema named '${merged.name}' exists in this project: choose another name`, "name");
      throw e;
    }
  });
}

/** A patch field when it was sent (null clears it), else the current value. */
function pick<K extends string>(patch: Record<string, unknown>, current: Record<string, unknown>, keys: K[]) {
  return Object.fromEntries(keys.map((k) => [k, patch[k] !== undefined ? patch[k] : current[k]]));
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function checkValuesStillFit(
  tx: Tx,
  schemaId: string,
  s: {
    kind: string;
    categories?: { value: string }[] | null;
    min?: number | null;
    max?: number | null;
    step?: number | null;
  },
) {
  // validation has left at least two categories, so the IN list below is never empty
  if (s.kind === "categorical") {
    const values = (s.categories ?? []).map((c) => c.value);
    const rows = await tx.execute<{ v: string; n: number }>(sql`
      select value #>> '{}' as v, count(*)::int as n from labels
      where label_schema_id = ${schemaId} and (value #>> '{}') not in ${values}
      group by 1 order by 2 desc limit 5`);
    if (rows.length)
      throw conflict(
        `Labels use categories this edit removes (${rows.map((r) => `'${r.v}' ×${r.n}`).join(", ")}): keep them, or create a new schema`,
        "categories",
      );
  }
  if (s.kind === "numeric" && s.min != null && s.max != null) {
    const step = s.step ?? null;
    const [r] = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from labels
      where label_schema_id = ${schemaId} and (
        (value #>> '{}')::numeric < ${s.min} or (value #>> '{}')::numeric > ${s.max}
        or (${step}::numeric is not null and mod((value #>> '{}')::numeric - ${s.min}, ${step}::numeric) <> 0))`);
    if (r.n > 0)
      throw conflict(
        `${r.n} labels hold values outside min ${s.min}, max ${s.max}${step ? `, step ${step}` : ""}: widen the range, or create a new schema`,
        "min",
      );
  }
}
