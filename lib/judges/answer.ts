// Reading a judge's answer: the JSON object (the whole text, or the first object in it that has a
// score), the score checked against the criterion's scale, evidence kept to real step indexes; and
// combining several samples into one verdict.
import type { Scale } from "@/lib/rubrics/model";

export type ParsedAnswer = { raw: number; rationale: string | null; evidence: number[] };

export class AnswerError extends Error {}

/** JSON Schema of the answer, sent as response_format where the endpoint supports it. */
export const answerJsonSchema = {
  type: "object",
  properties: {
    score: { type: "number" },
    rationale: { type: "string" },
    evidence: { type: "array", items: { type: "integer" } },
  },
  required: ["score", "rationale", "evidence"],
  additionalProperties: false,
} as const;

export function parseAnswer(text: string, scale: Scale, stepCount: number): ParsedAnswer {
  const obj = findAnswerObject(text);
  if (!obj) throw new AnswerError(`the answer holds no JSON object with a score: ${clip(text)}`);
  const score = typeof obj.score === "string" ? Number(obj.score) : obj.score;
  if (typeof score !== "number" || !Number.isFinite(score))
    throw new AnswerError(`the answer's score is not a number: ${clip(JSON.stringify(obj.score))}`);
  const problem = offScale(scale, score);
  if (problem) throw new AnswerError(problem);
  const evidence = Array.isArray(obj.evidence)
    ? [...new Set(obj.evidence.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < stepCount))].sort(
        (a, b) => a - b,
      )
    : [];
  const rationale = typeof obj.rationale === "string" ? obj.rationale : null;
  return { raw: score, rationale, evidence };
}

function offScale(s: Scale, v: number): string | null {
  switch (s.kind) {
    case "binary":
      return v === 0 || v === 1 ? null : `score ${v} is not on the binary scale (0 or 1)`;
    case "ternary":
      return v === 0 || v === 0.5 || v === 1 ? null : `score ${v} is not on the scale 1 / 0.5 / 0`;
    case "unit":
      return v >= 0 && v <= 1 ? null : `score ${v} is outside [0, 1]`;
    case "bands": {
      const lo = Math.min(...s.bands.map((b) => b.min));
      const hi = Math.max(...s.bands.map((b) => b.max));
      return Number.isInteger(v) && v >= lo && v <= hi ? null : `score ${v} is not a whole number from ${lo} to ${hi}`;
    }
  }
}

const clip = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/** Reasoning models may think aloud first; code fences may wrap the object. */
function findAnswerObject(text: string): Record<string, unknown> | null {
  const cleaned = text.replace(/<think>[\s\S]*?<\/think>/g, "");
  const whole = tryParse(cleaned.trim().replace(/^```(?:json)?\s*|\s*```$/g, ""));
  if (whole && "score" in whole) return whole;
  for (let i = cleaned.indexOf("{"); i >= 0; i = cleaned.indexOf("{", i + 1)) {
    const end = matchingBrace(cleaned, i);
    if (end < 0) continue;
    const obj = tryParse(cleaned.slice(i, end + 1));
    if (obj && "score" in obj) return obj;
  }
  return null;
}

function tryParse(s: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(s);
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

function matchingBrace(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i;
  }
  return -1;
}

/**
 * Several samples become one answer. majority: the most frequent score; a tie goes to the lowest of
 * the tied scores (a judge that cannot make up its mind does not get the benefit of the doubt).
 * mean: the mean of the scores. Failed samples are left out; the rationale is one of a sample that
 * gave the chosen score (for mean, the sample closest to it), the evidence the union of those samples'.
 */
export function combineSamples(answers: ParsedAnswer[], rule: "majority" | "mean"): ParsedAnswer {
  if (answers.length === 1) return answers[0];
  let raw: number;
  if (rule === "mean") raw = answers.reduce((s, a) => s + a.raw, 0) / answers.length;
  else {
    const counts = new Map<number, number>();
    for (const a of answers) counts.set(a.raw, (counts.get(a.raw) ?? 0) + 1);
    const top = Math.max(...counts.values());
    raw = Math.min(...[...counts].filter(([, n]) => n === top).map(([v]) => v));
  }
  const backing = rule === "majority" ? answers.filter((a) => a.raw === raw) : answers;
  const closest = [...answers].sort((a, b) => Math.abs(a.raw - raw) - Math.abs(b.raw - raw))[0];
  const evidence = [...new Set(backing.flatMap((a) => a.evidence))].sort((a, b) => a - b);
  return { raw, rationale: closest.rationale, evidence };
}
