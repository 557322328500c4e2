// What a rubric save carries, with the checks between fields that the editor shows inline:
// each issue names the field to fix. Safe for the browser.
import { z } from "zod";
import { aggregation, criterion } from "./model";

export const rubricVersionInput = z
  .object({
    criteria: z.array(criterion).min(1, "add at least one criterion").max(500, "at most 500 criteria"),
    aggregation,
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const seen = new Set<string>();
    v.criteria.forEach((c, i) => {
      if (seen.has(c.id)) issue(["criteria", i, "id"], `the id '${c.id}' is used twice: ids name criteria in scores`);
      seen.add(c.id);
    });
    const a = v.aggregation;
    if (a.rule === "holistic" && !seen.has(a.criterionId))
      issue(["aggregation", "criterionId"], `no criterion has the id '${a.criterionId}'`);
    if (a.rule === "category-weighted") {
      const categories = new Set(v.criteria.map((c) => c.category));
      for (const cat of Object.keys(a.weights))
        if (!categories.has(cat))
          issue(["aggregation", "weights", cat], `no criterion is in the category '${cat}': its weight never counts`);
      if (!v.criteria.some((c) => c.category in a.weights))
        issue(["aggregation", "weights"], "no criterion is in a weighted category, so no score can be produced");
    }
    if (a.rule === "essential-gate" && !v.criteria.some((c) => c.category === a.category && c.weight > 0))
      issue(["aggregation", "category"], `no criterion is in the category '${a.category}': the gate never closes`);
  });
export type RubricVersionInput = z.input<typeof rubricVersionInput>;

export const rubricInput = z.object({
  name: z.string().trim().min(1, "give the rubric a name").max(200, "keep the name under 200 characters"),
  taskId: z.uuid("taskId must be a task's UUID").nullish(),
  taskSetId: z.uuid("taskSetId must be a task set's UUID").nullish(),
  version: rubricVersionInput,
});
export type RubricInput = z.input<typeof rubricInput>;

// What the API answers: views of rubrics and versions, a diff, and an import's result per item.
const changeKind = <K extends string>(kind: K) => z.literal(kind);
export const rubricChange = z.discriminatedUnion("kind", [
  z.object({ kind: changeKind("added"), id: z.string(), title: z.string() }),
  z.object({ kind: changeKind("removed"), id: z.string(), title: z.string() }),
  z.object({
    kind: changeKind("changed"),
    id: z.string(),
    field: z.enum(["id", "title", "instruction", "category", "weight", "scale", "verifier"]),
    before: z.unknown(),
    after: z.unknown(),
  }),
  z.object({ kind: changeKind("moved"), id: z.string(), from: z.number().int(), to: z.number().int() }),
  z.object({ kind: changeKind("aggregation"), before: aggregation, after: aggregation }),
]);

export const rubricVersionView = z.object({
  id: z.string(),
  rubricId: z.string(),
  version: z.number().int(),
  criteria: z.array(criterion),
  aggregation,
  createdBy: z.string().nullable(),
  /** the author's name, or null when the version came from an API key or the author left */
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type RubricVersionView = z.infer<typeof rubricVersionView>;

export const rubricSummary = z.object({
  id: z.string(),
  name: z.string(),
  taskId: z.string().nullable(),
  /** the task's external id, e.g. the benchmark's task id */
  taskRef: z.string().nullable(),
  taskSetId: z.string().nullable(),
  /** a rubric with a task set and no task is a template for every task of the set */
  taskSetName: z.string().nullable(),
  createdAt: z.string(),
  latestVersion: z.number().int(),
  criteria: z.number().int(),
  rule: z.string(),
  updatedAt: z.string(),
});
export type RubricSummary = z.infer<typeof rubricSummary>;
export const rubricList = z.object({ items: z.array(rubricSummary) });

export const rubricDetail = rubricSummary
  .omit({ latestVersion: true, criteria: true, rule: true, updatedAt: true })
  .extend({ versions: z.array(rubricVersionView) });
export type RubricDetail = z.infer<typeof rubricDetail>;

export const rubricCreated = z.object({ rubric: rubricDetail });
export const versionSaved = z.object({ version: rubricVersionView, changes: z.array(rubricChange) });
export type VersionSaved = z.infer<typeof versionSaved>;

export const diffQuery = z.object({
  from: z.coerce
    .number()
    .int("from is a version number, e.g. 1")
    .positive("from is a version number, e.g. 1")
    .optional(),
  to: z.coerce.number().int("to is a version number, e.g. 2").positive("to is a version number, e.g. 2").optional(),
});
export const rubricDiff = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(rubricChange) });
export type RubricDiff = z.infer<typeof rubricDiff>;

export const rubricFormats = ["mcp-atlas-claims", "tau2", "list"] as const;
export type RubricFormat = (typeof rubricFormats)[number];
export const IMPORT_RUBRICS_LIMIT = 8 * 1024 * 1024;
export const rubricImportInput = z.object({
  format: z.enum(rubricFormats, {
    message:
      "format is mcp-atlas-claims (the MCP-Atlas CSV), tau2 (tau2-bench tasks.json) or list ([{title, description, weight}])",
  }),
  content: z.string().min(1, "content is the file's text: the CSV, the tasks.json or the JSON list"),
  /** the rubric's name for a list; a prefix for one rubric per task */
  name: z.string().trim().max(150, "keep the name under 150 characters").optional(),
});
export type RubricImportInput = z.input<typeof rubricImportInput>;
export const rubricImportItem = z.object({
  name: z.string(),
  taskRef: z.string().nullable(),
  status: z.enum(["created", "skipped"]),
  rubricId: z.string().nullable(),
  /** linked to the project's task of that id, when it has one */
  taskId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RubricImportItem = z.infer<typeof rubricImportItem>;
export const rubricImportResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  items: z.array(rubricImportItem),
});
export type RubricImportResult = z.infer<typeof rubricImportResult>;
