// Program verifiers: criteria a program can score from the trajectory alone, no model needed.
// Each answers 1 or 0 with the steps it relied on and a sentence saying why. Safe for the browser.
import Ajv, { type ValidateFunction } from "ajv";
import { z } from "zod";
import { type ChatMessage, type ContextTokens, contentText } from "@/lib/trajectories/format";

const regex = z.string().refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, "this regular expression does not compile");
const count = z.number().int().nonnegative();

// strict off: a schema written for another draft still checks what this one knows
const ajv = new Ajv({ strict: false, allErrors: false });
const validators = new Map<string, ValidateFunction>();
const MAX_VALIDATORS = 500;

/** Compiled once per distinct schema; throws when the schema does not compile. */
function validatorFor(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(schema as object);
    if (validators.size >= MAX_VALIDATORS) validators.delete(validators.keys().next().value as string);
    validators.set(key, v);
  }
  return v;
}

const jsonSchema = z.unknown().superRefine((schema, ctx) => {
  if (typeof schema !== "boolean" && (!schema || typeof schema !== "object" || Array.isArray(schema))) {
    ctx.addIssue({
      code: "custom",
      message: 'a JSON Schema is an object, e.g. {"type": "object", "required": ["id"]}',
    });
    return;
  }
  try {
    validatorFor(schema);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: `this JSON Schema does not compile: ${(e as Error).message}` });
  }
});

export const programCheck = z.discriminatedUnion("check", [
  z.object({ check: z.literal("tool-called"), tool: z.string().min(1), min: count.default(1), max: count.optional() }),
  z
    .object({
      check: z.literal("tool-arguments"),
      tool: z.string().min(1),
      match: z.enum(["equals", "subset", "regex"]),
      /** the arguments object for equals and subset; a pattern over the arguments text for regex */
      value: z.unknown(),
    })
    .superRefine((c, ctx) => {
      if (c.match !== "regex") return;
      if (typeof c.value !== "string" || !regex.safeParse(c.value).success)
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message:
            typeof c.value === "string"
              ? "this regular expression does not compile"
              : 'with match regex, value is a pattern over the arguments text, e.g. "city":\\s*"Paris"',
        });
    }),
  z.object({ check: z.literal("tool-order"), tools: z.array(z.string().min(1)).min(2, "an order needs two tools") }),
  z.object({
    check: z.literal("final-answer-contains"),
    text: z.string().min(1),
    caseSensitive: z.boolean().default(false),
  }),
  z.object({ check: z.literal("final-answer-regex"), pattern: regex }),
  /** the final answer (or the JSON in it: a fenced block, or its outermost braces) validates against the schema */
  z.object({ check: z.literal("final-answer-json-schema"), schema: jsonSchema }),
  z.object({
    check: z.literal("final-answer-number"),
    value: z.number().finite(),
    tolerance: z.number().nonnegative().default(0),
  }),
  z.object({ check: z.literal("no-tool-errors") }),
  z.object({ check: z.literal("max-turns"), max: count }),
  z.object({ check: z.literal("max-context-tokens"), max: count }),
  z.object({ check: z.literal("max-unused-tools"), max: count }),
]);
export type ProgramCheck = z.infer<typeof programCheck>;

export type CheckedTrajectory = {
  steps: { message: ChatMessage; toolsLoaded?: string[]; context?: ContextTokens; error?: string | null }[];
  initialTools?: string[];
  finalAnswer?: string | null;
};
export type CheckResult = { score: 0 | 1; evidence: number[]; detail: string };

type Call = { step: number; name: string; args: string };

/** The model's tool calls and, at the step of their result, the calls its programs made. */
function callsOf(t: CheckedTrajectory): Call[] {
  return t.steps.flatMap((s, step) =>
    s.message.role === "assistant"
      ? (s.message.tool_calls ?? []).map((c) => ({ step, name: c.function.name, args: c.function.arguments }))
      : s.message.role === "tool"
        ? (s.message.program_calls ?? []).map((c) => ({ step, name: c.name, args: c.arguments }))
        : [],
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `part` is contained in `whole`: objects key by key, arrays element by element in order. */
export function isSubset(part: unknown, whole: unknown): boolean {
  if (Array.isArray(part))
    return Array.isArray(whole) && part.length <= whole.length && part.every((p, i) => isSubset(p, whole[i]));
  if (part && typeof part === "object")
    return (
      !!whole &&
      typeof whole === "object" &&
      !Array.isArray(whole) &&
      Object.entries(part).every(([k, v]) => isSubset(v, (whole as Record<string, unknown>)[k]))
    );
  return Object.is(part, whole);
}

const deepEqual = (a: unknown, b: unknown) => isSubset(a, b) && isSubset(b, a);

/** The answer as JSON: the whole text, else a fenced block, else from the first brace to the last. */
function answerJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  if (fenced) candidates.push(fenced[1].trim());
  for (const [open, close] of [
    ["{", "}"],
    ["[", "]"],
  ]) {
    const a = text.indexOf(open);
    const b = text.lastIndexOf(close);
    if (a >= 0 && b > a) candidates.push(text.slice(a, b + 1));
  }
  for (const c of candidates) {
    // prose is the common case: skip the parse (and its exception) unless it can be JSON
    if (!/^(?:[{["\-\d]|true$|false$|null$)/.test(c)) continue;
    const value = parse(c);
    if (value !== undefined) return { ok: true, value };
  }
  return { ok: false };
}

function finalAnswer(t: CheckedTrajectory) {
  if (t.finalAnswer != null) return { text: t.finalAnswer, step: t.steps.length - 1 };
  for (let i = t.steps.length - 1; i >= 0; i--) {
    const m = t.steps[i].message;
    if (m.role === "assistant" && contentText(m.content).trim()) return { text: contentText(m.content), step: i };
  }
  return null;
}

const result = (ok: boolean, evidence: number[], detail: string): CheckResult => ({
  score: ok ? 1 : 0,
  evidence,
  detail,
});

export function runCheck(check: ProgramCheck, t: CheckedTrajectory): CheckResult {
  // only the checks about tool calls pay for listing them
  const calls = check.check.startsWith("tool-") || check.check === "max-unused-tools" ? callsOf(t) : [];
  switch (check.check) {
    case "tool-called": {
      const hits = calls.filter((c) => c.name === check.tool);
      const ok = hits.length >= check.min && (check.max === undefined || hits.length <= check.max);
      const range = check.max === undefined ? `at least ${check.min}` : `${check.min} to ${check.max}`;
      return result(
        ok,
        hits.map((c) => c.step),
        `${check.tool} called ${hits.length} times (wanted ${range})`,
      );
    }
    case "tool-arguments": {
      const hits = calls.filter((c) => c.name === check.tool);
      const match = hits.find((c) => {
        if (check.match === "regex") return new RegExp(String(check.value)).test(c.args);
        const args = parse(c.args);
        return check.match === "equals" ? deepEqual(check.value, args) : isSubset(check.value, args);
      });
      return match
        ? result(true, [match.step], `${check.tool} at step ${match.step} has matching arguments`)
        : result(
            false,
            hits.map((c) => c.step),
            `no call of ${check.tool} has matching arguments (${hits.length} calls)`,
          );
    }
    case "tool-order": {
      const evidence: number[] = [];
      let next = 0;
      for (const c of calls)
        if (c.name === check.tools[next]) {
          evidence.push(c.step);
          next++;
          if (next === check.tools.length) break;
        }
      const ok = next === check.tools.length;
      return result(
        ok,
        evidence,
        ok ? `called in order: ${check.tools.join(" → ")}` : `${check.tools[next]} never followed`,
      );
    }
    case "final-answer-contains":
    case "final-answer-regex":
    case "final-answer-json-schema":
    case "final-answer-number": {
      const answer = finalAnswer(t);
      if (!answer) return result(false, [], "the episode has no final answer");
      if (check.check === "final-answer-json-schema") {
        const json = answerJson(answer.text);
        if (!json.ok) return result(false, [answer.step], "the final answer holds no JSON");
        const validate = validatorFor(check.schema);
        const ok = validate(json.value) as boolean;
        const why = validate.errors?.[0];
        return result(
          ok,
          [answer.step],
          ok
            ? "the final answer's JSON matches the schema"
            : `the final answer's JSON does not match: ${why ? `${why.instancePath || "(root)"} ${why.message}` : "invalid"}`,
        );
      }
      let ok: boolean;
      if (check.check === "final-answer-contains")
        ok = check.caseSensitive
          ? answer.text.includes(check.text)
          : answer.text.toLowerCase().includes(check.text.toLowerCase());
      else if (check.check === "final-answer-regex") ok = new RegExp(check.pattern).test(answer.text);
      else {
        const numbers = (answer.text.replace(/(\d),(\d{3})/g, "$1$2").match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
        ok = numbers.some((n) => Math.abs(n - check.value) <= check.tolerance);
      }
      return result(ok, [answer.step], ok ? "the final answer matches" : "the final answer does not match");
    }
    case "no-tool-errors": {
      const errors = t.steps.flatMap((s, i) => (s.error ? [i] : []));
      return result(!errors.length, errors, errors.length ? `${errors.length} steps with errors` : "no tool errors");
    }
    case "max-turns": {
      const turns = t.steps.flatMap((s, i) => (s.message.role === "assistant" ? [i] : []));
      return result(turns.length <= check.max, [], `${turns.length} assistant turns (at most ${check.max})`);
    }
    case "max-context-tokens": {
      let peak = 0;
      let at = -1;
      t.steps.forEach((s, i) => {
        const n = s.context ? s.context.system + s.context.toolSchemas + s.context.history + s.context.toolOutputs : 0;
        if (n > peak) [peak, at] = [n, i];
      });
      return result(peak <= check.max, at >= 0 ? [at] : [], `peak context ${peak} tokens (at most ${check.max})`);
    }
    case "max-unused-tools": {
      const loaded = new Set([...(t.initialTools ?? []), ...t.steps.flatMap((s) => s.toolsLoaded ?? [])]);
      const used = new Set(calls.map((c) => c.name));
      const unused = [...loaded].filter((n) => !used.has(n));
      return result(
        unused.length <= check.max,
        [],
        `${unused.length} tools loaded but never used (at most ${check.max})`,
      );
    }
  }
}
