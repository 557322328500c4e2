// Reading loosely typed values from other tools' files: verdicts, rewards, ids, dotted paths.
import type { Outcome } from "@/lib/trajectories/format";

const verdicts: Record<string, Outcome> = {
  correct: "pass",
  incorrect: "fail",
  true: "pass",
  false: "fail",
  "1": "pass",
  "0": "fail",
  pass: "pass",
  passed: "pass",
  fail: "fail",
  failed: "fail",
  c: "pass",
  i: "fail",
  yes: "pass",
  no: "fail",
  success: "pass",
  failure: "fail",
  resolved: "pass",
  unresolved: "fail",
  partial: "partial",
  p: "partial",
  error: "error",
};

export const VERDICT_HINT = "correct/incorrect, true/false, 1/0, pass/fail, C/I, partial or error";

/** A verdict in any of the spellings tools use; undefined when it is not one. */
export function toOutcome(v: unknown): Outcome | undefined {
  if (typeof v === "boolean") return v ? "pass" : "fail";
  if (typeof v === "number") return v === 1 ? "pass" : v === 0 ? "fail" : undefined;
  if (typeof v === "string") return verdicts[v.trim().toLowerCase()];
  return undefined;
}

/** A reward from a number, a numeric string or a boolean. */
export function toReward(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Ids come as strings or numbers. */
export function toId(v: unknown): string | undefined {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

export function toText(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a dotted path (`metadata.task_id`); a key that itself contains dots is found too. */
export function getPath(obj: unknown, path: string): unknown {
  if (!isObject(obj)) return undefined;
  if (path in obj) return obj[path];
  const dot = path.indexOf(".");
  if (dot < 0) return undefined;
  return getPath(obj[path.slice(0, dot)], path.slice(dot + 1));
}

export const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
