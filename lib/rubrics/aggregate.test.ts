import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { type Criterion, criterion } from "./model";

const c = (id: string, weight: number, category = "", scale?: Criterion["scale"]) =>
  criterion.parse({ id, title: id, weight, category, ...(scale ? { scale } : {}) });

describe("aggregate", () => {
  const three = [c("a", 2), c("b", 1), c("c", 1)];

  it("weighted mean over the judged criteria, reporting the ones not judged", () => {
    expect(aggregate(three, { rule: "weighted-mean" }, { a: 1, b: 0, c: 1 }).reward).toBeCloseTo(0.75);
    const partly = aggregate(three, { rule: "weighted-mean" }, { a: 1, b: null });
    expect(partly.reward).toBeCloseTo(1);
    expect(partly.notJudged).toEqual(["b", "c"]);
  });

  it("gives no reward, not a zero, when nothing could be judged", () => {
    for (const rule of [
      { rule: "weighted-mean" } as const,
      { rule: "coverage-pass", threshold: 0.75 } as const,
      { rule: "essential-gate", category: "Essential" } as const,
      { rule: "category-weighted", weights: { "": 1 } } as const,
      { rule: "holistic", criterionId: "a" } as const,
    ]) {
      const r = aggregate(three, rule, { a: null, b: null, c: null });
      expect(r.reward, rule.rule).toBeNull();
      expect(r.notJudged).toEqual(["a", "b", "c"]);
    }
  });

  it("pitfalls with negative weights subtract, and the reward stays in [0, 1]", () => {
    const withPitfall = [c("ok", 1), c("made-up-data", -0.5, "Pitfall")];
    expect(aggregate(withPitfall, { rule: "weighted-mean" }, { ok: 1, "made-up-data": 1 }).reward).toBeCloseTo(0.5);
    expect(aggregate(withPitfall, { rule: "weighted-mean" }, { ok: 1, "made-up-data": 0 }).reward).toBeCloseTo(1);
    expect(aggregate(withPitfall, { rule: "weighted-mean" }, { ok: 0, "made-up-data": 1 }).reward).toBe(0);
    const onlyPitfalls = [c("p1", -1), c("p2", -3)];
    expect(aggregate(onlyPitfalls, { rule: "weighted-mean" }, { p1: 1, p2: 0 }).reward).toBeCloseTo(0.75);
  });

  it("an essential criterion that fails gates the reward to 0", () => {
    const gated = [c("core", 1, "Essential"), c("nice", 1, "Optional")];
    const r = aggregate(gated, { rule: "essential-gate", category: "Essential" }, { core: 0.5, nice: 1 });
    expect(r).toMatchObject({ reward: 0, gatedBy: ["core"] });
    expect(aggregate(gated, { rule: "essential-gate", category: "Essential" }, { core: 1, nice: 0 }).reward).toBe(0.5);
  });

  it("passes on coverage at the threshold (MCP-Atlas: claims 1 / 0.5 / 0, pass at 0.75)", () => {
    const claims = ["c1", "c2", "c3", "c4"].map((id) => c(id, 1, "", { kind: "ternary" }));
    const r = aggregate(claims, { rule: "coverage-pass", threshold: 0.75 }, { c1: 1, c2: 1, c3: 0.5, c4: 0.5 });
    expect(r).toMatchObject({ reward: 0.75, passed: true });
    expect(aggregate(claims, { rule: "coverage-pass", threshold: 0.75 }, { c1: 1, c2: 1, c3: 0.5, c4: 0 }).passed).toBe(
      false,
    );
  });

  it("weights categories (0.4 / 0.3 / 0.2 / 0.1) over the categories it could judge", () => {
    const atlas = [
      c("fulfil", 1, "Task Fulfillment"),
      c("approp", 1, "Tool Appropriateness"),
      c("ground", 1, "Tool Grounding"),
      c("params", 1, "Parameter Accuracy"),
    ];
    const weights = {
      "Task Fulfillment": 0.4,
      "Tool Appropriateness": 0.3,
      "Tool Grounding": 0.2,
      "Parameter Accuracy": 0.1,
    };
    const all = aggregate(
      atlas,
      { rule: "category-weighted", weights },
      { fulfil: 1, approp: 0, ground: 1, params: 0 },
    );
    expect(all.reward).toBeCloseTo(0.6);
    const some = aggregate(atlas, { rule: "category-weighted", weights }, { fulfil: 1, approp: 0 });
    expect(some.reward).toBeCloseTo(0.4 / 0.7);
  });

  it("maps a 1-10 banded score onto [0, 1] and takes a holistic judgment as the reward", () => {
    const bands = {
      kind: "bands" as const,
      bands: [
        { min: 1, max: 4, description: "poor" },
        { min: 5, max: 10, description: "good" },
      ],
    };
    const holistic = [c("overall", 1, "", bands)];
    expect(aggregate(holistic, { rule: "holistic", criterionId: "overall" }, { overall: 10 }).reward).toBe(1);
    expect(aggregate(holistic, { rule: "holistic", criterionId: "overall" }, { overall: 4 }).reward).toBeCloseTo(1 / 3);
  });

  it("refuses a zero weight and an id that is not a slug, naming the fix", () => {
    expect(criterion.safeParse({ id: "a", title: "a", weight: 0 }).error?.issues[0].message).toMatch(/weight of 0/);
    expect(criterion.safeParse({ id: "Has Space", title: "a", weight: 1 }).error?.issues[0].path).toEqual(["id"]);
  });
});
