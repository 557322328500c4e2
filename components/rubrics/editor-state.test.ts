import { describe, expect, it } from "vitest";
import { describePath, draftIssues, move, newCriterion, toDraft, toVersionInput } from "./editor-state";

const base = toDraft({
  criteria: [
    {
      id: "answer",
      title: "Answers",
      instruction: "",
      category: "",
      weight: 2,
      scale: { kind: "binary" },
      verifier: { kind: "model" },
    },
    {
      id: "args",
      title: "Calls search",
      instruction: "",
      category: "",
      weight: 1,
      scale: { kind: "binary" },
      verifier: {
        kind: "program",
        check: { check: "tool-arguments", tool: "search", match: "subset", value: { q: "x" } },
      },
    },
  ],
  aggregation: { rule: "weighted-mean" },
});

describe("the rubric editor's state", () => {
  it("moves an item and leaves the list alone for moves past either end", () => {
    expect(move(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    const list = ["a", "b"];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 2)).toBe(list);
  });

  it("gives a new criterion an id no other has", () => {
    const c = newCriterion([{ id: "criterion-2" }, { id: "criterion-3" }]);
    expect(c.id).toBe("criterion-4");
    expect(c.weight).toBe(1);
  });

  it("sends the arguments JSON as a value and names it when it does not parse", () => {
    const { input, issues } = toVersionInput(base);
    expect(issues.size).toBe(0);
    expect(input.criteria[1]).toMatchObject({ verifier: { check: { value: { q: "x" } } } });
    expect(input.criteria[0]).not.toHaveProperty("key");
    const bad = { ...base, criteria: [base.criteria[0], { ...base.criteria[1], argsText: "{q:" }] };
    expect(draftIssues(bad).get("criteria.1.verifier.check.value")).toContain("not JSON");
  });

  it("keys the schema's issues by field path: a regex that does not compile, a zero weight, a missing holistic criterion", () => {
    const d = {
      criteria: [
        { ...base.criteria[0], weight: 0 },
        {
          ...base.criteria[1],
          argsText: undefined,
          verifier: { kind: "program" as const, check: { check: "final-answer-regex" as const, pattern: "(" } },
        },
      ],
      aggregation: { rule: "holistic" as const, criterionId: "overall" },
    };
    const issues = draftIssues(d);
    expect(issues.get("criteria.0.weight")).toContain("weight of 0");
    expect(issues.get("criteria.1.verifier.check.pattern")).toContain("does not compile");
    const ok = draftIssues({ ...base, aggregation: { rule: "holistic", criterionId: "overall" } });
    expect(ok.get("aggregation.criterionId")).toContain("overall");
  });

  it("reads a path as people do", () => {
    expect(describePath("criteria.2.verifier.check.pattern", [{ id: "a" }, { id: "b" }, { id: "regex" }])).toBe(
      "criterion 3 (regex) · verifier.check.pattern",
    );
    expect(describePath("aggregation.weights", [])).toBe("aggregation.weights");
  });
});
