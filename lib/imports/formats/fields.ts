// The fields found in a sample of episode records, and a first guess at which is which.
import type { FieldInfo, FieldMapping, MappingTarget } from "../schemas";
import { isObject, shorten } from "./values";

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

const isMessageList = (v: unknown) =>
  Array.isArray(v) && v.length > 0 && v.every((m) => isObject(m) && typeof m.role === "string");

/** Top-level fields, and one level into objects (`metadata.task_id`). */
export function listFields(records: unknown[]): FieldInfo[] {
  const fields = new Map<string, { types: Set<string>; present: number; example: unknown; messages: boolean }>();
  const see = (path: string, v: unknown) => {
    let f = fields.get(path);
    if (!f) {
      f = { types: new Set(), present: 0, example: undefined, messages: true };
      fields.set(path, f);
    }
    f.types.add(typeOf(v));
    f.present++;
    if (f.example === undefined && v !== null && v !== "") f.example = v;
    f.messages &&= isMessageList(v);
  };
  for (const r of records) {
    if (!isObject(r)) continue;
    for (const [k, v] of Object.entries(r)) {
      see(k, v);
      if (isObject(v)) for (const [k2, v2] of Object.entries(v)) see(`${k}.${k2}`, v2);
    }
  }
  return [...fields.entries()].map(([path, f]) => ({
    path,
    type: f.messages ? "messages" : f.types.size === 1 ? [...f.types][0] : [...f.types].sort().join(" | "),
    present: f.present,
    example: exampleText(f.example),
  }));
}

function exampleText(v: unknown) {
  if (v === undefined) return "";
  if (isMessageList(v)) return `${(v as unknown[]).length} messages`;
  if (Array.isArray(v)) return `${v.length} items`;
  return shorten(typeof v === "string" ? v : JSON.stringify(v), 80);
}

const candidates: Record<Exclude<MappingTarget, "messages">, { names: string[]; types: string[] }> = {
  id: {
    names: ["id", "trajectory_id", "episode_id", "rollout_id", "traj_id", "uuid", "sample_id"],
    types: ["string", "number"],
  },
  taskId: {
    names: ["task_id", "taskid", "question_id", "instance_id", "problem_id", "task", "qid", "task_name"],
    types: ["string", "number"],
  },
  prompt: {
    names: ["question", "prompt", "instruction", "query", "problem", "input", "task_prompt"],
    types: ["string"],
  },
  reward: { names: ["reward", "score", "return", "total_reward"], types: ["number", "boolean"] },
  outcome: {
    names: [
      "verdict",
      "outcome",
      "correct",
      "is_correct",
      "passed",
      "success",
      "resolved",
      "judgement",
      "judgment",
      "label",
      "result",
    ],
    types: ["string", "boolean", "number"],
  },
  finalAnswer: {
    names: [
      "final_answer",
      "finalanswer",
      "answer",
      "prediction",
      "predicted_answer",
      "response",
      "completion",
      "output",
    ],
    types: ["string"],
  },
  policy: { names: ["model", "policy", "model_name", "policy_model", "agent"], types: ["string"] },
  runId: { names: ["run_id", "runid"], types: ["string"] },
};

const leaf = (path: string) => path.slice(path.lastIndexOf(".") + 1).toLowerCase();

/** Each target gets the best-named field of a fitting type; no field is used twice. */
export function suggestMapping(fields: FieldInfo[]): FieldMapping {
  const mapping: FieldMapping = {};
  const taken = new Set<string>();
  const messages =
    fields.find((f) => f.type === "messages" && !f.path.includes("."))?.path ??
    fields.find((f) => f.type === "messages")?.path;
  mapping.messages = messages ?? "messages";
  taken.add(mapping.messages);
  for (const [target, c] of Object.entries(candidates) as [
    Exclude<MappingTarget, "messages">,
    (typeof candidates)["id"],
  ][]) {
    let best: { path: string; rank: number } | undefined;
    for (const f of fields) {
      if (taken.has(f.path) || !f.type.split(" | ").some((t) => c.types.includes(t))) continue;
      const i = c.names.indexOf(leaf(f.path));
      if (i < 0) continue;
      // a top-level field wins over the same name inside an object
      const rank = i + (f.path.includes(".") ? 0.5 : 0);
      if (!best || rank < best.rank) best = { path: f.path, rank };
    }
    mapping[target] = best?.path ?? null;
    if (best) taken.add(best.path);
  }
  return mapping;
}
