import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/calculator/server.ts");
}, 30_000);
afterAll(() => s.close());

const result = async (name: string, args: Record<string, unknown>) => {
  const r = await s.call(name, args);
  expect(r.isError, r.text).toBe(false);
  return r.json as Record<string, unknown>;
};

describe("calculator server", () => {
  it("lists its tools", async () => {
    const { tools } = await s.client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(11);
    expect(tools.map((t) => t.name)).toContain("evaluate_expression");
  });

  it("evaluates with precedence, right-associative powers and functions", async () => {
    const cases: [string, number][] = [
      ["2*(3+4)^2", 98],
      ["-2^2", -4],
      ["2^3^2", 512],
      ["10 % 4 + 7/2", 5.5],
      ["sqrt(16) + abs(-3) + max(1, 9, 4) - min(2, 5)", 14],
      ["round(pi, 2)", 3.14],
      ["log(1000) + ln(e)", 4],
      ["cos(0) + sin(0)", 1],
    ];
    for (const [expression, expected] of cases)
      expect((await result("evaluate_expression", { expression })).result).toBe(expected);
  });

  it("rejects what is not arithmetic with a message, and never runs code", async () => {
    for (const [expression, msg] of [
      ["2 +", /ends too early/],
      ["1/0", /Division by zero/],
      ["process.exit(1)", /Unexpected character "\."/],
      ["foo(2)", /Unknown function "foo"/],
      ["sqrt(-1)", /undefined/],
      ["(1+2", /Expected "\)"/],
    ] as const) {
      const r = await s.call("evaluate_expression", { expression });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(msg);
    }
  });

  it("keeps memory registers across calls and uses them in expressions", async () => {
    await result("memory_store", { name: "subtotal", value: 40 });
    expect((await result("evaluate_expression", { expression: "subtotal * 1.25", store_as: "total" })).result).toBe(50);
    expect(await result("memory_recall", { name: "total" })).toEqual({ name: "total", value: 50 });
    expect((await result("memory_list", { clear: true })).registers).toEqual({ subtotal: 40, total: 50 });
    expect((await s.call("memory_recall", { name: "total" })).isError).toBe(true);
  });

  it("computes statistics (hand-checked: mean 5, population stdev 2)", async () => {
    const r = await result("compute_statistics", { values: [2, 4, 4, 4, 5, 5, 7, 9], percentiles: [25, 75] });
    expect(r).toMatchObject({ count: 8, mean: 5, median: 4.5, stdev_population: 2, min: 2, max: 9, range: 7 });
    expect(r.stdev_sample).toBeCloseTo(2.13809, 4);
    expect(r.percentiles).toEqual({ p25: 4, p75: 5.5 });
    expect((await s.call("compute_statistics", { values: [] })).isError).toBe(true);
  });

  it("does percentages and compound interest", async () => {
    expect((await result("percentage_change", { old_value: 80, new_value: 100 })).percent_change).toBe(25);
    expect((await s.call("percentage_change", { old_value: 0, new_value: 1 })).text).toMatch(/undefined/);
    expect(await result("calculate_percentage", { percent: 15, of: 80, part: 20 })).toEqual({
      percent_of: 12,
      part_as_percent: 25,
    });
    const ci = await result("compound_interest", {
      principal: 1000,
      annual_rate_percent: 5,
      years: 10,
      compounds_per_year: 1,
    });
    expect(ci.future_value).toBe(1628.89);
  });

  it("converts units by the factor table and temperature by formula", async () => {
    expect((await result("convert_units", { value: 100, from_unit: "F", to_unit: "C" })).result).toBeCloseTo(
      37.7778,
      4,
    );
    expect((await result("convert_units", { value: 5, from_unit: "miles", to_unit: "km" })).result).toBe(8.04672);
    expect((await result("convert_units", { value: 1, from_unit: "GiB", to_unit: "MB" })).result).toBe(1073.741824);
    expect((await result("convert_units", { value: 1, from_unit: "acre", to_unit: "m2" })).result).toBe(4046.8564224);
    expect((await s.call("convert_units", { value: 1, from_unit: "kg", to_unit: "m" })).text).toMatch(
      /Cannot convert kg \(mass\) to m \(length\)/,
    );
    expect((await s.call("convert_units", { value: -500, from_unit: "C", to_unit: "K" })).text).toMatch(
      /absolute zero/,
    );
    expect(Object.keys(await result("list_units", {}))).toHaveLength(8);
  });

  it("converts currency from the dated snapshot and says so", async () => {
    const r = await result("convert_currency", { amount: 100, from_currency: "usd", to_currency: "EUR" });
    expect(r).toMatchObject({ result: 92, date: "2024-06-03" });
    expect(String(r.note)).toMatch(/not live/);
    expect((await s.call("convert_currency", { amount: 1, from_currency: "XYZ", to_currency: "EUR" })).text).toMatch(
      /Unknown currency "XYZ"/,
    );
  });

  it("rounds to significant figures or decimal places", async () => {
    expect((await result("round_number", { value: 123456, significant_figures: 3 })).result).toBe(123000);
    expect((await result("round_number", { value: 0.0012345, significant_figures: 2 })).result).toBe(0.0012);
    expect((await result("round_number", { value: 4.56789, decimal_places: 2 })).result).toBe(4.57);
    expect((await s.call("round_number", { value: 1 })).isError).toBe(true);
  });
});
