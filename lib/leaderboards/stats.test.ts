import { describe, expect, it } from "vitest";
import { bootstrapMeanInterval, mean, paretoFront, passRate, quantile } from "./stats";

// 70 passes and 30 failures, interleaved so that order plays no part
const seventyOfHundred = Array.from({ length: 100 }, (_, i) => (i % 10 < 7 ? 1 : 0));

describe("mean and pass rate", () => {
  it("averages, and has no mean of nothing", () => {
    expect(mean([0.5, 1, 0])).toBe(0.5);
    expect(mean([])).toBeNull();
    expect(passRate(3, 4)).toBe(0.75);
    expect(passRate(0, 0)).toBeNull();
  });

  it("interpolates quantiles between neighbours", () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
  });
});

describe("bootstrap interval of the mean", () => {
  it("gives [0, 1] for the sample {0, 1}: a quarter of the resampled means are 0 and a quarter 1", () => {
    expect(bootstrapMeanInterval([0, 1])).toEqual({ low: 0, high: 1 });
  });

  it("has no width when every value is the same", () => {
    expect(bootstrapMeanInterval([0.5, 0.5, 0.5])).toEqual({ low: 0.5, high: 0.5 });
  });

  it("matches the normal approximation on 70 passes out of 100 (0.70 ± 1.96 × 0.046)", () => {
    const ci = bootstrapMeanInterval(seventyOfHundred);
    if (ci.low === undefined) throw new Error(ci.reason);
    expect(ci.low).toBeCloseTo(0.61, 1);
    expect(ci.high).toBeCloseTo(0.79, 1);
    expect(ci.low).toBeGreaterThan(0.58);
    expect(ci.high).toBeLessThan(0.82);
    // resampled means of 100 zeros and ones are multiples of 0.01
    expect(Math.round(ci.low * 100)).toBeCloseTo(ci.low * 100, 6);
  });

  it("is the same interval every time for the same sample (fixed seed), another for another seed", () => {
    const a = bootstrapMeanInterval(seventyOfHundred);
    expect(bootstrapMeanInterval(seventyOfHundred)).toEqual(a);
    const wide = { resamples: 200 };
    const seeds = [1, 2, 3, 4, 5].map((seed) => bootstrapMeanInterval(seventyOfHundred, { ...wide, seed }).low);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it("narrows as the sample grows", () => {
    const small = bootstrapMeanInterval(seventyOfHundred.slice(0, 20));
    const large = bootstrapMeanInterval([...seventyOfHundred, ...seventyOfHundred, ...seventyOfHundred]);
    if (small.low === undefined || large.low === undefined) throw new Error("no interval");
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("gives no interval, with the reason, for one or no episodes", () => {
    expect(bootstrapMeanInterval([0.4])).toEqual({ reason: "one scored episode: an interval needs at least two" });
    expect(bootstrapMeanInterval([])).toEqual({ reason: "no scored episodes" });
  });
});

describe("Pareto front (less context, more score)", () => {
  it("keeps the points no other point beats, cheapest first", () => {
    const points = [
      { id: "eager", x: 9000, y: 0.7 },
      { id: "isl", x: 3000, y: 0.72 }, // beats eager on both
      { id: "itl", x: 1200, y: 0.65 },
      { id: "ptc", x: 1500, y: 0.8 }, // beats isl
      { id: "bad", x: 2000, y: 0.6 }, // beaten by itl and ptc
      { id: "tiny", x: 500, y: 0.2 },
    ];
    expect(paretoFront(points)).toEqual(["tiny", "itl", "ptc"]);
  });

  it("keeps equal points together and drops a point beaten on one axis only", () => {
    expect(
      paretoFront([
        { id: "a", x: 100, y: 0.5 },
        { id: "b", x: 100, y: 0.5 },
        { id: "c", x: 100, y: 0.4 }, // same context, less score
        { id: "d", x: 150, y: 0.5 }, // same score, more context
      ]).sort(),
    ).toEqual(["a", "b"]);
  });

  it("leaves out points without a score or a context figure", () => {
    expect(
      paretoFront([
        { id: "a", x: null, y: 0.9 },
        { id: "b", x: 100, y: null },
        { id: "c", x: 200, y: 0.1 },
      ]),
    ).toEqual(["c"]);
    expect(paretoFront([])).toEqual([]);
  });
});
