// Inspect AI eval logs (JSON): `eval` describes the run (task, model, ids), and each of
// `samples[]` is one episode with `messages`, `output`, `scores` (per scorer: value, answer,
// explanation), `metadata`, `id`, `epoch` and `target`. Large strings may be moved to the
// sample's `attachments` and referenced as `attachment://<hash>`.
import type { RecordIssue } from "../schemas";
import type { Converted } from "./episode";
import { messagesToSteps, plainText } from "./messages";
import { isObject, toId, toOutcome, toText } from "./values";

/** The part of `eval` each sample needs. */
export type InspectEval = { task?: string; model?: string; runId?: string; evalId?: string; created?: string };

export function inspectEvalInfo(raw: unknown): InspectEval {
  if (!isObject(raw)) return {};
  const s = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    task: s(raw.task),
    model: s(raw.model),
    runId: s(raw.run_id),
    evalId: s(raw.eval_id) ?? s(raw.task_id),
    created: s(raw.created),
  };
}

/** Inspect's letter grades: C correct, I incorrect, P partial, N no answer. */
const letters: Record<string, number> = { C: 1, I: 0, P: 0.5, N: 0 };

function scoreValue(v: unknown): { value: number | null; error?: string } {
  if (typeof v === "number" && Number.isFinite(v)) return { value: v };
  if (typeof v === "boolean") return { value: v ? 1 : 0 };
  if (typeof v === "string" && v in letters) return { value: letters[v] };
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return { value: Number(v) };
  return { value: null, error: `not a number: ${toText(v)}` };
}

function readScores(raw: unknown) {
  if (!isObject(raw)) return [];
  const out: { criterion: string; value: number | null; rationale?: string; judge: string; error?: string }[] = [];
  for (const [scorer, s] of Object.entries(raw)) {
    if (!isObject(s)) continue;
    const rationale = typeof s.explanation === "string" ? s.explanation : undefined;
    // a scorer may give several values at once: one criterion each
    const values = isObject(s.value) ? Object.entries(s.value) : [[scorer, s.value] as const];
    for (const [name, v] of values) {
      const criterion = name === scorer ? scorer : `${scorer}.${name}`;
      out.push({ criterion, judge: scorer, ...scoreValue(v), ...(rationale ? { rationale } : {}) });
    }
  }
  return out;
}

function resolveAttachments(v: unknown, attachments: Record<string, unknown>): unknown {
  if (typeof v === "string" && v.startsWith("attachment://")) {
    const hit = attachments[v.slice("attachment://".length)];
    return typeof hit === "string" ? hit : v;
  }
  if (Array.isArray(v)) return v.map((x) => resolveAttachments(x, attachments));
  if (isObject(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveAttachments(x, attachments)]));
  return v;
}

export function inspectSample(sample: unknown, info: InspectEval): Converted {
  if (!isObject(sample)) return { errors: [{ path: "", message: "a sample must be a JSON object" }] };
  const errors: RecordIssue[] = [];
  const attachments = isObject(sample.attachments) ? sample.attachments : {};
  const messages = resolveAttachments(sample.messages, attachments);
  if (!Array.isArray(messages)) errors.push({ path: "messages", message: "a sample needs its list of messages" });
  const sampleId = toId(sample.id);
  if (!sampleId) errors.push({ path: "id", message: "a sample needs an id" });
  if (errors.length || !Array.isArray(messages)) return { errors };

  const epoch = typeof sample.epoch === "number" ? sample.epoch : 1;
  const scores = readScores(sample.scores);
  const first = scores[0];
  const output = isObject(sample.output) ? sample.output : {};
  const choice = Array.isArray(output.choices) && isObject(output.choices[0]) ? output.choices[0] : undefined;
  const outputText = isObject(choice?.message)
    ? plainText(resolveAttachments(choice.message.content, attachments))
    : "";
  const lastAssistant = [...messages]
    .reverse()
    .find((m) => isObject(m) && m.role === "assistant" && plainText(m.content).trim());
  const finalAnswer = outputText || (isObject(lastAssistant) ? plainText(lastAssistant.content) : "");
  const input = resolveAttachments(sample.input, attachments);
  const prompt = typeof input === "string" ? input : Array.isArray(input) ? userText(input) : undefined;
  const rawValue = isObject(sample.scores) ? Object.values(sample.scores).find(isObject)?.value : undefined;
  const run = info.evalId ?? info.runId ?? info.task ?? "log";

  return {
    input: {
      id: typeof sample.uuid === "string" ? `inspect:${sample.uuid}` : `inspect:${run}:${sampleId}:${epoch}`,
      task: { id: sampleId, ...(prompt ? { prompt } : {}), ...(info.task ? { taskSet: info.task } : {}) },
      ...(info.model ? { policy: { model: info.model } } : {}),
      steps: messagesToSteps(messages),
      ...(finalAnswer ? { finalAnswer } : {}),
      ...(first?.value != null
        ? {
            reward: first.value,
            ...(outcomeOf(rawValue, first.value) ? { outcome: outcomeOf(rawValue, first.value) } : {}),
          }
        : {}),
      scores,
      metadata: {
        source: "inspect",
        epoch,
        ...(sample.target !== undefined ? { target: sample.target } : {}),
        ...(info.task ? { inspectTask: info.task } : {}),
        ...(info.runId ? { inspectRunId: info.runId } : {}),
        ...(info.created ? { evalCreated: info.created } : {}),
        ...(isObject(sample.metadata) ? { sample: sample.metadata } : {}),
        ...(sample.error ? { error: sample.error } : {}),
      },
    },
    stepsFrom: { path: "messages", offset: 0 },
  };
}

function outcomeOf(raw: unknown, value: number) {
  if (raw === "P") return "partial" as const;
  return (
    toOutcome(raw) ?? (value === 1 ? "pass" : value === 0 ? "fail" : value > 0 && value < 1 ? "partial" : undefined)
  );
}

function userText(messages: unknown[]) {
  const m = messages.find((x) => isObject(x) && x.role === "user");
  return isObject(m) ? plainText(m.content) : undefined;
}
