// Calculator and unit converter: arithmetic through a safe parser, statistics, finance
// helpers, unit and currency conversion from tables in data/, and named memory registers that
// later expressions can use (state for the episode's lifetime).
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import { convertCurrency, convertUnits, currencies, dimensions } from "./convert";
import { evaluate, functionNames } from "./expression";

const memory = new Map<string, number>();
const vars = () => Object.fromEntries(memory);
const num = (v: number) => Number(v.toPrecision(12));

export function roundSig(x: number, digits: number) {
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}

function percentile(sorted: number[], p: number) {
  // linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule)
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (rank - lo);
}

const values = z.array(z.number()).min(1).describe("The numbers, e.g. [4, 8, 15, 16, 23, 42]");
const registerName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, "a register name is a letter or _ then letters, digits or _")
  .describe("Register name, usable in later expressions, e.g. subtotal");

await serveStdio("calculator", "1.0.0", [
  tool({
    name: "evaluate_expression",
    description: `Evaluate an arithmetic expression: numbers, + - * / % ^, parentheses, constants pi and e, stored memory registers by name, and functions ${functionNames.join(", ")} (log is base 10, ln natural, trig in radians).`,
    input: {
      expression: z.string().min(1).max(500).describe("e.g. 2*(3+4)^2 or sqrt(subtotal)*1.2"),
      store_as: registerName.optional().describe("Also store the result in this memory register"),
    },
    run: ({ expression, store_as }) => {
      const result = num(evaluate(expression, vars()));
      if (store_as) memory.set(store_as, result);
      return { expression, result, ...(store_as ? { stored_as: store_as } : {}) };
    },
  }),
  tool({
    name: "compute_statistics",
    description:
      "Descriptive statistics of a list of numbers: count, sum, mean, median, min, max, range, sample and population standard deviation, and requested percentiles.",
    input: {
      values,
      percentiles: z.array(z.number().min(0).max(100)).optional().describe("Percentiles to compute, e.g. [25, 75, 90]"),
    },
    run: ({ values: xs, percentiles = [] }) => {
      const s = [...xs].sort((a, b) => a - b);
      const n = s.length;
      const mean = s.reduce((a, b) => a + b, 0) / n;
      const ss = s.reduce((a, b) => a + (b - mean) ** 2, 0);
      return {
        count: n,
        sum: num(mean * n),
        mean: num(mean),
        median: num(percentile(s, 50)),
        min: s[0],
        max: s[n - 1],
        range: num(s[n - 1] - s[0]),
        stdev_sample: n > 1 ? num(Math.sqrt(ss / (n - 1))) : null,
        stdev_population: num(Math.sqrt(ss / n)),
        percentiles: Object.fromEntries(percentiles.map((p) => [`p${p}`, num(percentile(s, p))])),
      };
    },
  }),
  tool({
    name: "percentage_change",
    description: "Percentage change from an old value to a new value, with the absolute difference.",
    input: { old_value: z.number(), new_value: z.number() },
    run: ({ old_value, new_value }) => {
      if (old_value === 0) throw new ToolError("old_value is 0: a percentage change from zero is undefined");
      return {
        old_value,
        new_value,
        difference: num(new_value - old_value),
        percent_change: num(((new_value - old_value) / Math.abs(old_value)) * 100),
      };
    },
  }),
  tool({
    name: "calculate_percentage",
    description: "What is p percent of a value, and what percent one value is of another.",
    input: { percent: z.number().optional(), of: z.number(), part: z.number().optional() },
    run: ({ percent, of, part }) => {
      if (percent === undefined && part === undefined)
        throw new ToolError("Give percent (p% of `of`) or part (part as % of `of`)");
      if (part !== undefined && of === 0) throw new ToolError("of is 0: cannot express part as a percentage of zero");
      return {
        ...(percent !== undefined ? { percent_of: num((percent / 100) * of) } : {}),
        ...(part !== undefined ? { part_as_percent: num((part / of) * 100) } : {}),
      };
    },
  }),
  tool({
    name: "compound_interest",
    description:
      "Future value of a principal with compound interest, optionally with a regular contribution at the end of each compounding period.",
    input: {
      principal: z.number().nonnegative(),
      annual_rate_percent: z.number().min(-100).max(1000).describe("e.g. 5 for 5% a year"),
      years: z.number().positive().max(200),
      compounds_per_year: z.number().int().positive().max(365).default(12),
      contribution_per_period: z.number().nonnegative().default(0),
    },
    run: ({ principal, annual_rate_percent, years, compounds_per_year: m, contribution_per_period: c }) => {
      const r = annual_rate_percent / 100 / m;
      const n = Math.round(years * m);
      const growth = (1 + r) ** n;
      const fv = principal * growth + (r === 0 ? c * n : (c * (growth - 1)) / r);
      const invested = principal + c * n;
      return {
        future_value: Math.round(fv * 100) / 100,
        total_invested: num(invested),
        interest_earned: Math.round((fv - invested) * 100) / 100,
        periods: n,
      };
    },
  }),
  tool({
    name: "convert_units",
    description:
      "Convert a value between units of length, mass, temperature, volume, speed, area, data size or time (e.g. 100 F to C, 5 mi to km, 2 GiB to MB).",
    input: { value: z.number(), from_unit: z.string().min(1), to_unit: z.string().min(1) },
    run: ({ value, from_unit, to_unit }) => {
      const r = convertUnits(value, from_unit, to_unit);
      return { ...r, result: num(r.result) };
    },
  }),
  tool({
    name: "list_units",
    description: "List the supported units per dimension with their factor to the dimension's base unit.",
    input: {
      dimension: z
        .string()
        .optional()
        .describe(`One of ${Object.keys(dimensions).join(", ")}`),
    },
    run: ({ dimension }) => {
      if (dimension && !dimensions[dimension])
        throw new ToolError(`Unknown dimension "${dimension}"; known: ${Object.keys(dimensions).join(", ")}`);
      return dimension ? { [dimension]: dimensions[dimension] } : dimensions;
    },
  }),
  tool({
    name: "convert_currency",
    description:
      "Convert an amount between currencies using a fixed, dated snapshot of approximate exchange rates (not live rates).",
    input: { amount: z.number(), from_currency: z.string().length(3), to_currency: z.string().length(3) },
    run: ({ amount, from_currency, to_currency }) => convertCurrency(amount, from_currency, to_currency),
  }),
  tool({
    name: "list_currency_rates",
    description: "The exchange-rate snapshot: its date and each currency's units per US dollar.",
    input: {},
    run: () => currencies(),
  }),
  tool({
    name: "memory_store",
    description: "Store a number in a named memory register; later expressions can use the name.",
    input: { name: registerName, value: z.number() },
    run: ({ name, value }) => {
      const previous = memory.get(name);
      memory.set(name, value);
      return { name, value, ...(previous !== undefined ? { previous } : {}), registers: memory.size };
    },
  }),
  tool({
    name: "memory_recall",
    description: "Read a named memory register.",
    input: { name: z.string() },
    run: ({ name }) => {
      if (!memory.has(name))
        throw new ToolError(`No register "${name}"; stored: ${[...memory.keys()].join(", ") || "none"}`);
      return { name, value: memory.get(name) };
    },
  }),
  tool({
    name: "memory_list",
    description: "List every memory register and its value; clear=true empties them afterwards.",
    input: { clear: z.boolean().default(false) },
    run: ({ clear }) => {
      const registers = vars();
      if (clear) memory.clear();
      return { registers, count: Object.keys(registers).length, cleared: clear };
    },
  }),
  tool({
    name: "round_number",
    description: "Round a number to significant figures or to decimal places.",
    input: {
      value: z.number(),
      significant_figures: z.number().int().min(1).max(15).optional(),
      decimal_places: z.number().int().min(0).max(15).optional(),
    },
    run: ({ value, significant_figures: sf, decimal_places: dp }) => {
      if ((sf === undefined) === (dp === undefined))
        throw new ToolError("Give exactly one of significant_figures or decimal_places");
      return { value, result: sf !== undefined ? roundSig(value, sf) : Number(value.toFixed(dp)) };
    },
  }),
]);
