import { describe, expect, it } from "vitest";
import { diffRubricVersions } from "./diff";
import { criterion } from "./model";

const c = (id: string, weight = 1, title = id) => criterion.parse({ id, title, weight });

describe("diffRubricVersions", () => {
  const v1 = { criteria: [c("a"), c("b"), c("c")], aggregation: { rule: "weighted-mean" as const } };

  it("says nothing changed for the same version", () => {
    expect(diffRubricVersions(v1, v1)).toEqual([]);
  });

  it("lists additions, removals and field changes without calling an insertion a move", () => {
    const v2 = { ...v1, criteria: [c("a"), c("new"), c("b", 2, "B better"), c("c")] };
    expect(diffRubricVersions(v1, v2)).toEqual([
      { kind: "added", id: "new", title: "new" },
      { kind: "changed", id: "b", field: "title", before: "b", after: "B better" },
      { kind: "changed", id: "b", field: "weight", before: 1, after: 2 },
    ]);
    const v3 = { criteria: [c("a"), c("c")], aggregation: { rule: "coverage-pass" as const, threshold: 0.75 } };
    expect(diffRubricVersions(v1, v3)).toEqual([
      { kind: "removed", id: "b", title: "b" },
      { kind: "aggregation", before: { rule: "weighted-mean" }, after: { rule: "coverage-pass", threshold: 0.75 } },
    ]);
  });

  it("reports reordering as moves", () => {
    const v2 = { ...v1, criteria: [c("c"), c("a"), c("b")] };
    expect(diffRubricVersions(v1, v2).filter((x) => x.kind === "moved")).toEqual([
      { kind: "moved", id: "c", from: 2, to: 0 },
      { kind: "moved", id: "a", from: 0, to: 1 },
      { kind: "moved", id: "b", from: 1, to: 2 },
    ]);
  });
});
