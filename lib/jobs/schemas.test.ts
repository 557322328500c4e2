import { describe, expect, it } from "vitest";
import { computeProgress } from "./schemas";

describe("computeProgress", () => {
  const start = new Date("2026-01-01T00:00:00Z");
  const at = (s: number) => new Date(start.getTime() + s * 1000);

  it("has no rate or ETA before the first step", () => {
    expect(computeProgress(0, 10, start, at(5))).toEqual({ done: 0, total: 10, rate: null, etaSeconds: null });
    expect(computeProgress(3, 10, null, at(5))).toMatchObject({ rate: null });
  });

  it("derives the rate from the start and the ETA from what is left", () => {
    expect(computeProgress(4, 10, start, at(2))).toEqual({ done: 4, total: 10, rate: 2, etaSeconds: 3 });
  });

  it("has a rate but no ETA while the total is unknown", () => {
    expect(computeProgress(5, null, start, at(10))).toEqual({ done: 5, total: null, rate: 0.5, etaSeconds: null });
  });
});
