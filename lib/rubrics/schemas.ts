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
