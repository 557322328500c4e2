// Label schemas, labels and annotation queues: zod schemas and value checks shared by the
// API and the labeling screen (browser-safe).
import { z } from "zod";

export const labelKinds = ["binary", "categorical", "numeric", "text"] as const;
export const labelLevels = ["trajectory", "step"] as const;
export type LabelKind = (typeof labelKinds)[number];
export type LabelLevel = (typeof labelLevels)[number];

export const MAX_TEXT_LABEL = 10_000;
export const MAX_QUEUE_ITEMS = 5_000;
export const MAX_CATEGORIES = 50;

/**
 * Keys the labeling screen answers to itself (items, steps, yes/no, done, help, navigation);
 * digits choose a category by its position. A category's own hotkey may not take one.
 */
export const reservedHotkeys = ["j", "k", "y", "n", "d", "g", "x"] as const;

const category = z.object({
  value: z.string().trim().min(1, "a category needs a value").max(100, "keep a category under 100 characters"),
  hotkey: z
    .string()
    .regex(/^[a-zA-Z]$/, "a hotkey is one letter a-z (digits 1-9 already choose categories by position)")
    .transform((s) => s.toLowerCase())
    .optional(),
});
export type Category = z.infer<typeof category>;

const uuid = (field: string) => z.string().uuid(`${field} must be a UUID`);

const schemaFields = {
  name: z.string().trim().min(1, "Give the label schema a name").max(100, "Keep the name under 100 characters"),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters"),
  kind: z.enum(labelKinds, { message: `kind is one of ${labelKinds.join(", ")}` }),
  level: z.enum(labelLevels, { message: `level is one of ${labelLevels.join(", ")}` }),
  categories: z.array(category).max(MAX_CATEGORIES, `at most ${MAX_CATEGORIES} categories`).nullish(),
  min: z.number().finite().nullish(),
  max: z.number().finite().nullish(),
  step: z.number().finite().positive("step must be greater than 0").nullish(),
  rubricId: uuid("rubricId").nullish(),
  criterionId: z.string().trim().min(1).max(200).nullish(),
};

type SchemaShape = {
  kind: LabelKind;
  categories?: Category[] | null;
  min?: number | null;
  max?: number | null;
  step?: number | null;
  rubricId?: string | null;
  criterionId?: string | null;
};

/** The checks between fields; each issue names the field to fix. */
export function checkSchemaOptions(s: SchemaShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (s.kind === "categorical") {
    const cats = s.categories ?? [];
    if (cats.length < 2)
      issue(
        ["categories"],
        'A categorical schema needs at least two categories, e.g. [{"value":"correct"},{"value":"wrong"}]',
      );
    const values = new Set<string>();
    const keys = new Set<string>();
    cats.forEach((c, i) => {
      if (values.has(c.value)) issue(["categories", i, "value"], `The category '${c.value}' is listed twice`);
      values.add(c.value);
      if (!c.hotkey) return;
      if ((reservedHotkeys as readonly string[]).includes(c.hotkey))
        issue(
          ["categories", i, "hotkey"],
          `'${c.hotkey}' is a key of the labeling screen itself (${reservedHotkeys.join(", ")}): pick another letter`,
        );
      if (keys.has(c.hotkey)) issue(["categories", i, "hotkey"], `The hotkey '${c.hotkey}' is used twice`);
      keys.add(c.hotkey);
    });
  } else if (s.categories?.length)
    issue(["categories"], "categories apply to categorical schemas only: leave them out");

  if (s.kind === "numeric") {
    if (s.min == null) issue(["min"], "A numeric schema needs min, e.g. 0");
    if (s.max == null) issue(["max"], "A numeric schema needs max, e.g. 10");
    if (s.min != null && s.max != null && s.min >= s.max)
      issue(["min"], `min must be less than max (min ${s.min}, max ${s.max})`);
    if (s.step != null && s.min != null && s.max != null && s.step > s.max - s.min)
      issue(["step"], `step must fit between min and max (at most ${s.max - s.min})`);
  } else
    for (const f of ["min", "max", "step"] as const)
      if (s[f] != null) issue([f], `${f} applies to numeric schemas only: leave it out`);

  if (Boolean(s.rubricId) !== Boolean(s.criterionId))
    issue(
      [s.rubricId ? "criterionId" : "rubricId"],
      "A tie to a rubric criterion needs both rubricId and criterionId (or neither)",
    );
}

export const labelSchemaInput = z
  .object({
    ...schemaFields,
    description: schemaFields.description.default(""),
    level: schemaFields.level.default("trajectory"),
  })
  .superRefine(checkSchemaOptions);
export type LabelSchemaInput = z.input<typeof labelSchemaInput>;

/** Any subset of the fields; the server checks the merged schema with `labelSchemaInput`. */
export const labelSchemaPatch = z.object(schemaFields).partial().extend({ archived: z.boolean().optional() });

export const labelSchemaView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(labelKinds),
  level: z.enum(labelLevels),
  categories: z.array(z.object({ value: z.string(), hotkey: z.string().optional() })).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  step: z.number().nullable(),
  rubricId: z.string().nullable(),
  criterionId: z.string().nullable(),
  archived: z.boolean(),
  /** labels given with it, by everyone */
  labelCount: z.number(),
  createdAt: z.string(),
});
export type LabelSchemaView = z.infer<typeof labelSchemaView>;
export const labelSchemaList = z.object({ items: z.array(labelSchemaView) });
export const labelSchemaListQuery = z.object({
  archived: z.enum(["include", "exclude", "only"]).default("exclude"),
});

/** What a label holds: true/false, a category, a number, or text. */
export const labelValue = z.union([z.boolean(), z.number(), z.string()], {
  message: "value is true/false, a number, or a string",
});
export type LabelValue = z.infer<typeof labelValue>;

type ValueSchema = Pick<LabelSchemaView, "kind" | "categories" | "min" | "max" | "step">;

/** Why `value` does not fit the schema, or null when it does. */
export function checkLabelValue(s: ValueSchema, value: unknown): string | null {
  switch (s.kind) {
    case "binary":
      return typeof value === "boolean" ? null : "A binary label is true or false";
    case "categorical": {
      const values = (s.categories ?? []).map((c) => c.value);
      return typeof value === "string" && values.includes(value)
        ? null
        : `Choose one of the categories: ${values.map((v) => `'${v}'`).join(", ")}`;
    }
    case "numeric": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "A numeric label is a number";
      const { min, max, step } = s;
      if (min !== null && value < min) return `The value must be at least ${min}`;
      if (max !== null && value > max) return `The value must be at most ${max}`;
      if (step && min !== null) {
        const n = (value - min) / step;
        if (Math.abs(n - Math.round(n)) > 1e-9) return `The value moves in steps of ${step} from ${min}`;
      }
      return null;
    }
    case "text":
      if (typeof value !== "string" || !value.trim()) return "A text label cannot be empty";
      return value.length > MAX_TEXT_LABEL
        ? `Keep a text label under ${MAX_TEXT_LABEL.toLocaleString("en-US")} characters (this one has ${value.length.toLocaleString("en-US")})`
        : null;
  }
}

export const labelInput = z.object({
  labelSchemaId: uuid("labelSchemaId"),
  /** for step-level schemas: the step's index (0 is the first step) */
  stepIndex: z.number().int("stepIndex is a whole number").min(0, "stepIndex starts at 0").nullish(),
  value: labelValue,
});
export type LabelInput = z.infer<typeof labelInput>;

export const labelView = z.object({
  id: z.string().uuid(),
  labelSchemaId: z.string().uuid(),
  schemaName: z.string(),
  trajectoryId: z.string().uuid(),
  stepIndex: z.number().nullable(),
  value: labelValue,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  authorEmail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LabelView = z.infer<typeof labelView>;
export const labelList = z.object({ items: z.array(labelView) });

export const exportFormats = ["jsonl", "csv"] as const;
export const labelExportQuery = z.object({
  format: z.enum(exportFormats, { message: "format is jsonl or csv" }).default("jsonl"),
  queueId: uuid("queueId").optional(),
  labelSchemaId: uuid("labelSchemaId").optional(),
});
export type LabelExportQuery = z.infer<typeof labelExportQuery>;

/** One exported label; CSV columns are these keys in this order. */
export const exportColumns = [
  "trajectoryId",
  "clientId",
  "stepIndex",
  "schema",
  "kind",
  "level",
  "value",
  "authorEmail",
  "authorName",
  "createdAt",
  "updatedAt",
] as const;
export type ExportRow = {
  trajectoryId: string;
  clientId: string | null;
  stepIndex: number | null;
  schema: string;
  kind: LabelKind;
  level: LabelLevel;
  value: LabelValue;
  authorEmail: string | null;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
};

// Annotation queues

const trajectoryIdList = z
  .array(uuid("trajectoryIds[]"))
  .max(MAX_QUEUE_ITEMS, `at most ${MAX_QUEUE_ITEMS.toLocaleString("en-US")} trajectories per request`);
const schemaIdList = z
  .array(uuid("labelSchemaIds[]"))
  .min(1, "A queue needs at least one label schema: create one on the Label schemas tab")
  .max(20, "at most 20 label schemas per queue");
const assigneeIdList = z.array(z.string().min(1)).max(200, "at most 200 assignees");

export const queueInput = z.object({
  name: z.string().trim().min(1, "Give the queue a name").max(100, "Keep the name under 100 characters"),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters").default(""),
  labelSchemaIds: schemaIdList,
  /** in the order labelers should see them; duplicates are skipped */
  trajectoryIds: trajectoryIdList.default([]),
  /** user ids of project members with the labeler role or higher */
  assigneeIds: assigneeIdList.default([]),
});
export type QueueInput = z.input<typeof queueInput>;

export const queuePatch = z.object({
  name: queueInput.shape.name.optional(),
  description: z.string().trim().max(2000, "Keep the description under 2,000 characters").optional(),
  labelSchemaIds: schemaIdList.optional(),
  /** replaces the set of assignees */
  assigneeIds: assigneeIdList.optional(),
});

export const queueItemsInput = z.object({
  trajectoryIds: trajectoryIdList.min(1, "Send at least one trajectory id"),
});
export const queueItemsAdded = z.object({ added: z.number(), skipped: z.number(), total: z.number() });

export const assigneeProgress = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string().nullable(),
  done: z.number(),
});
export type AssigneeProgress = z.infer<typeof assigneeProgress>;

export const queueView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  labelSchemaIds: z.array(z.string().uuid()),
  itemCount: z.number(),
  assignees: z.array(assigneeProgress),
  /** items that at least one assignee has marked done, and items that every assignee has */
  doneByAny: z.number(),
  doneByAll: z.number(),
  /** the caller: assigned or not, and the items they marked done */
  mine: z.object({ assigned: z.boolean(), done: z.number() }),
  createdAt: z.string(),
});
export type QueueView = z.infer<typeof queueView>;
export const queueList = z.object({ items: z.array(queueView) });
export const queueDetail = queueView.extend({ schemas: z.array(labelSchemaView) });
export type QueueDetail = z.infer<typeof queueDetail>;

export const queueItemRow = z.object({
  id: z.string().uuid(),
  position: z.number(),
  trajectoryId: z.string().uuid(),
  clientId: z.string().nullable(),
  summary: z.string(),
  outcome: z.string().nullable(),
  reward: z.number().nullable(),
  stepCount: z.number(),
  /** user ids of those who marked it done */
  doneBy: z.array(z.string()),
  /** labels on it with the queue's schemas, by everyone */
  labelCount: z.number(),
});
export type QueueItemRow = z.infer<typeof queueItemRow>;
export const queueItemList = z.object({ items: z.array(queueItemRow) });

export const itemDoneView = z.object({
  itemId: z.string().uuid(),
  done: z.boolean(),
  /** the caller's done items in this queue, and the queue's items */
  mineDone: z.number(),
  itemCount: z.number(),
});
