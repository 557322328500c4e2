import { describe, expect, it } from "vitest";
import {
  agreementOf,
  bootstrapKappa,
  categoriesOf,
  categoryOf,
  confusionMatrix,
  kappaOf,
  labelScore,
  type Pair,
  percentAgreement,
  quantile,
  seededRandom,
} from "./agreement";

/** Pairs that fill a matrix (rows human, columns judge) cell by cell. */
function pairsOf(categories: string[], matrix: number[][]): Pair[] {
  const out: Pair[] = [];
  matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) out.push({ human: categories[i], judge: categories[j] });
    });
  });
  return out;
}

const pf = categoriesOf("pass-fail");
const tern = categoriesOf("ternary");

describe("mapping onto categories", () => {
  it("splits pass/fail at 0.5 and ternary at the nearest of 1, 0.5, 0", () => {
    expect([0, 0.49, 0.5, 1].map((v) => categoryOf("pass-fail", v))).toEqual(["fail", "fail", "pass", "pass"]);
    expect([0, 0.24, 0.25, 0.5, 0.74, 0.75, 1].map((v) => categoryOf("ternary", v))).toEqual([
      "0",
      "0",
      "0.5",
      "0.5",
      "0.5",
      "1",
      "1",
    ]);
  });

  it("reads binary, numeric and categorical labels as scores, and refuses what it cannot compare", () => {
    expect(labelScore({ kind: "binary", min: null, max: null }, true)).toBe(1);
    expect(labelScore({ kind: "binary", min: null, max: null }, false)).toBe(0);
    expect(labelScore({ kind: "numeric", min: 1, max: 5 }, 4)).toBe(0.75);
    expect(labelScore({ kind: "numeric", min: 0, max: 10 }, 12)).toBe(1);
    const cat = { kind: "categorical", min: null, max: null };
    expect(["Correct", "partial", "wrong", "0.5", "1"].map((v) => labelScore(cat, v))).toEqual([1, 0.5, 0, 0.5, 1]);
    expect(labelScore(cat, "maybe")).toBeNull();
    expect(labelScore(cat, "2")).toBeNull();
    expect(labelScore({ kind: "text", min: null, max: null }, "fine")).toBeNull();
    expect(labelScore({ kind: "binary", min: null, max: null }, "yes")).toBeNull();
  });
});

describe("confusion matrix, agreement and kappa", () => {
  it("counts humans in rows and the judge in columns", () => {
    const m = confusionMatrix(pf, [
      { human: "pass", judge: "pass" },
      { human: "pass", judge: "fail" },
      { human: "fail", judge: "fail" },
      { human: "fail", judge: "fail" },
    ]);
    expect(m).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });

  it("matches a hand-computed 2x2: po 0.7, pe 0.5, kappa 0.4", () => {
    const pairs = pairsOf(pf, [
      [20, 5],
      [10, 15],
    ]);
    expect(percentAgreement(pairs)).toBeCloseTo(0.7, 12);
    const k = kappaOf(confusionMatrix(pf, pairs));
    expect(k.value).toBeCloseTo(0.4, 12);
    expect(k.note).toBeNull();
  });

  it("matches a hand-computed 3x3: po 0.8, pe 306/900, kappa 0.46/0.66", () => {
    const k = kappaOf([
      [10, 2, 0],
      [1, 5, 2],
      [0, 1, 9],
    ]);
    expect(k.value).toBeCloseTo(0.46 / 0.66, 12);
  });

  it("gives -1 for perfect disagreement and 0 when the judge always says the same", () => {
    expect(
      kappaOf([
        [0, 5],
        [5, 0],
      ]).value,
    ).toBeCloseTo(-1, 12);
    expect(
      kappaOf([
        [5, 0],
        [5, 0],
      ]).value,
    ).toBeCloseTo(0, 12);
  });

  it("says undefined, never NaN, with one category only or no pairs", () => {
    const one = kappaOf([
      [10, 0],
      [0, 0],
    ]);
    expect(one.value).toBeNull();
    expect(one.note).toMatch(/one category only/);
    expect(kappaOf([[0]]).note).toMatch(/no pairs/);
    expect(percentAgreement([])).toBeNull();
    const a = agreementOf(
      pf,
      pairsOf(pf, [
        [4, 0],
        [0, 0],
      ]),
    );
    expect(a).toMatchObject({ n: 4, agreement: 1, kappa: null, ci: null });
  });
});

describe("bootstrap interval", () => {
  it("interpolates quantiles between order statistics", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantile([7], 0.975)).toBe(7);
  });

  it("is deterministic for a seed and brackets the point estimate", () => {
    const pairs = pairsOf(pf, [
      [20, 5],
      [10, 15],
    ]);
    const a = bootstrapKappa(pf, pairs, { seed: 7 });
    const b = bootstrapKappa(pf, pairs, { seed: 7 });
    const c = bootstrapKappa(pf, pairs, { seed: 8 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a?.resamples).toBe(1000);
    // the normal approximation gives about 0.4 ± 0.25 for 50 pairs
    expect(a?.low).toBeGreaterThan(0.1);
    expect(a?.low).toBeLessThan(0.3);
    expect(a?.high).toBeGreaterThan(0.5);
    expect(a?.high).toBeLessThan(0.7);
  });

  it("is [1, 1] when the two sides always agree, leaving out resamples of one category", () => {
    const pairs = pairsOf(tern, [
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    const ci = bootstrapKappa(tern, pairs, { resamples: 200, seed: 3 });
    expect(ci?.low).toBe(1);
    expect(ci?.high).toBe(1);
    // with 3 pairs, 2/27 + 8/27 = 10/27 of resamples are all one category
    expect(ci?.undefinedResamples).toBeGreaterThan(40);
    expect(ci?.undefinedResamples).toBeLessThan(110);
  });

  it("draws uniformly from the seeded generator", () => {
    const r = seededRandom(42);
    const xs = Array.from({ length: 10_000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});
