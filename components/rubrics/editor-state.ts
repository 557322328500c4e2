// The rubric editor's state and the pure steps on it: reorder, a fresh criterion, the version
// input a save sends, and the issues that rubricVersionInput reports, keyed by field path so
// each message sits next to its field.
import type { Aggregation, Criterion } from "@/lib/rubrics/model";
import { rubricVersionInput } from "@/lib/rubrics/schemas";

/** A criterion as the form holds it; `argsText` is the JSON text of a tool-arguments value. */
export type DraftCriterion = Omit<Criterion, "weight"> & { key: string; weight: number | undefined; argsText?: string };
export type Draft = { criteria: DraftCriterion[]; aggregation: Aggregation };
export type Issues = Map<string, string>;

let seq = 0;
const nextKey = () => `c${++seq}`;

export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** A new criterion with an id no other criterion has. */
export function newCriterion(existing: { id: string }[]): DraftCriterion {
  const ids = new Set(existing.map((c) => c.id));
  let n = existing.length + 1;
  while (ids.has(`criterion-${n}`)) n++;
  return {
    key: nextKey(),
    id: `criterion-${n}`,
    title: "",
    instruction: "",
    category: "",
    weight: 1,
    scale: { kind: "binary" },
    verifier: { kind: "model" },
  };
}

export function toDraft(v: { criteria: Criterion[]; aggregation: Aggregation }): Draft {
  return {
    criteria: v.criteria.map((c) => ({
      ...c,
      key: nextKey(),
      ...(c.verifier.kind === "program" &&
      c.verifier.check.check === "tool-arguments" &&
      c.verifier.check.match !== "regex"
        ? { argsText: JSON.stringify(c.verifier.check.value ?? {}, null, 0) }
        : {}),
    })),
    aggregation: v.aggregation,
  };
}

const argsIssue = "criteria.{i}.verifier.check.value";

/** What a save sends, and the JSON-text issues the schema cannot see (arguments that do not parse). */
export function toVersionInput(d: Draft): { input: { criteria: unknown[]; aggregation: Aggregation }; issues: Issues } {
  const issues: Issues = new Map();
  const criteria = d.criteria.map(({ key: _key, argsText, ...c }, i) => {
    const check = c.verifier.kind === "program" ? c.verifier.check : null;
    if (check?.check !== "tool-arguments" || check.match === "regex" || argsText === undefined) return c;
    try {
      return { ...c, verifier: { ...c.verifier, check: { ...check, value: JSON.parse(argsText || "{}") } } };
    } catch {
      issues.set(argsIssue.replace("{i}", String(i)), 'the arguments are not JSON, e.g. {"city": "Paris"}');
      return c;
    }
  });
  return { input: { criteria, aggregation: d.aggregation }, issues };
}

/** Every issue of the draft, keyed by its path (criteria.2.verifier.check.pattern); the first per path wins. */
export function draftIssues(d: Draft): Issues {
  const { input, issues } = toVersionInput(d);
  const r = rubricVersionInput.safeParse(input);
  if (!r.success)
    for (const issue of r.error.issues) {
      const path = issue.path.join(".");
      if (!issues.has(path)) issues.set(path, issue.message);
    }
  return issues;
}

/** Issues under a prefix, e.g. all of criterion 2's, for a marker on its card. */
export const issuesUnder = (issues: Issues, prefix: string) =>
  [...issues.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));

/** "criteria.2.verifier.check.pattern" as people read it: criterion 3 · verifier.check.pattern */
export function describePath(path: string, criteria: { id: string }[]): string {
  const m = /^criteria\.(\d+)\.?(.*)$/.exec(path);
  if (!m) return path || "rubric";
  const c = criteria[Number(m[1])];
  return `criterion ${Number(m[1]) + 1}${c?.id ? ` (${c.id})` : ""}${m[2] ? ` · ${m[2]}` : ""}`;
}
