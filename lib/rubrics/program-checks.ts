// Program verifiers: criteria a program can score from the trajectory alone, no model needed.
// Each answers 1 or 0 with the steps it relied on and a sentence saying why. Safe for the browser.
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

export const programCheck = z.discriminatedUnion("check", [
  z.object({ check: z.literal("tool-called"), tool: z.string().min(1), min: count.default(1), max: count.optional() }),
  z.object({
    check: z.literal("tool-arguments"),
    tool: z.string().min(1),
    match: z.enum(["equals", "subset", "regex"]),
    /** the arguments object for equals and subset; a pattern over the arguments text for regex */
    value: z.unknown(),
  }),
  z.object({ check: z.literal("tool-order"), tools: z.array(z.string().min(1)).min(2, "an order needs two tools") }),
  z.object({
    check: z.literal("final-answer-contains"),
    text: z.string().min(1),
    caseSensitive: z.boolean().default(false),
  }),
  z.object({ check: z.literal("final-answer-regex"), pattern: regex }),
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

function callsOf(t: CheckedTrajectory): Call[] {
  return t.steps.flatMap((s, step) =>
    s.message.role === "assistant"
      ? (s.message.tool_calls ?? []).map((c) => ({ step, name: c.function.name, args: c.function.arguments }))
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
  const calls = callsOf(t);
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
    case "final-answer-number": {
      const answer = finalAnswer(t);
      if (!answer) return result(false, [], "the episode has no final answer");
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
