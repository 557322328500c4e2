// A readable diff between two rubric versions: criteria added, removed, changed field by
// field, moved, and a change of aggregation rule. Safe for the browser.
import type { Aggregation, Criterion } from "./model";

export type RubricChange =
  | { kind: "added"; id: string; title: string }
  | { kind: "removed"; id: string; title: string }
  | { kind: "changed"; id: string; field: keyof Criterion; before: unknown; after: unknown }
  | { kind: "moved"; id: string; from: number; to: number }
  | { kind: "aggregation"; before: Aggregation; after: Aggregation };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const fields: (keyof Criterion)[] = ["title", "instruction", "category", "weight", "scale", "verifier"];

export function diffRubricVersions(
  before: { criteria: Criterion[]; aggregation: Aggregation },
  after: { criteria: Criterion[]; aggregation: Aggregation },
): RubricChange[] {
  const changes: RubricChange[] = [];
  const old = new Map(before.criteria.map((c, i) => [c.id, { c, i }]));
  const now = new Map(after.criteria.map((c, i) => [c.id, { c, i }]));
  for (const c of before.criteria) if (!now.has(c.id)) changes.push({ kind: "removed", id: c.id, title: c.title });
  // positions among the criteria both versions share, so that one insertion moves nothing
  const kept = before.criteria.filter((c) => now.has(c.id)).map((c) => c.id);
  const keptAfter = after.criteria.filter((c) => old.has(c.id)).map((c) => c.id);
  for (const c of after.criteria) {
    const prev = old.get(c.id);
    if (!prev) {
      changes.push({ kind: "added", id: c.id, title: c.title });
      continue;
    }
    for (const f of fields)
      if (!same(prev.c[f], c[f])) changes.push({ kind: "changed", id: c.id, field: f, before: prev.c[f], after: c[f] });
    const from = kept.indexOf(c.id);
    const to = keptAfter.indexOf(c.id);
    if (from !== to) changes.push({ kind: "moved", id: c.id, from, to });
  }
  if (!same(before.aggregation, after.aggregation))
    changes.push({ kind: "aggregation", before: before.aggregation, after: after.aggregation });
  return changes;
}
