import type { Label, LabelSchema } from "@/db/schema";
import type { Category, LabelSchemaView, LabelValue, LabelView } from "../schemas";

type Options = { categories?: Category[]; min?: number; max?: number; step?: number };

/** The stored row as the API shows it: options spread into categories / min / max / step. */
export function toSchemaView(row: LabelSchema, labelCount = 0): LabelSchemaView {
  const o = (row.options ?? {}) as Options;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    level: row.level,
    categories: row.kind === "categorical" ? (o.categories ?? []) : null,
    min: row.kind === "numeric" ? (o.min ?? null) : null,
    max: row.kind === "numeric" ? (o.max ?? null) : null,
    step: row.kind === "numeric" ? (o.step ?? null) : null,
    rubricId: row.rubricId,
    criterionId: row.criterionId,
    archived: row.archived,
    labelCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What goes into `label_schemas.options` for a kind. */
export function toOptions(s: {
  kind: LabelSchema["kind"];
  categories?: Category[] | null;
  min?: number | null;
  max?: number | null;
  step?: number | null;
}): Options {
  if (s.kind === "categorical") return { categories: s.categories ?? [] };
  if (s.kind === "numeric")
    return { min: s.min ?? undefined, max: s.max ?? undefined, ...(s.step ? { step: s.step } : {}) };
  return {};
}

export type LabelRow = Pick<
  Label,
  "id" | "labelSchemaId" | "trajectoryId" | "stepIndex" | "value" | "authorId" | "createdAt" | "updatedAt"
> & { schemaName: string; authorName: string | null; authorEmail: string | null };

export const toLabelView = (r: LabelRow): LabelView => ({
  id: r.id,
  labelSchemaId: r.labelSchemaId as string,
  schemaName: r.schemaName,
  trajectoryId: r.trajectoryId,
  stepIndex: r.stepIndex,
  value: r.value as LabelValue,
  authorId: r.authorId,
  authorName: r.authorName,
  authorEmail: r.authorEmail,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
