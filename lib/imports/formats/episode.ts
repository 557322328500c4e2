// One episode from an OpenAI-style record: a list of messages plus whatever the tool that
// wrote it kept beside them (task id, question, reward, verdict, answer, model...). The field
// mapping says which field is which; every field it does not name is kept as metadata.
import type { FieldMapping, RecordIssue } from "../schemas";
import { messagesToSteps, plainText } from "./messages";
import { getPath, isObject, toId, toOutcome, toReward, toText, VERDICT_HINT } from "./values";

/** A record turned into canonical input, or why it could not be. */
export type Converted =
  | {
      input: Record<string, unknown>;
      /** where the steps came from, so validation errors name the file's own fields */
      stepsFrom?: { path: string; offset: number };
    }
  | { errors: RecordIssue[] };

type OpenAiTool = { type?: string; function?: { name?: unknown; description?: unknown; parameters?: unknown } };

/** OpenAI tool definitions ({type: "function", function: {...}}) or canonical ones. */
function readTools(v: unknown) {
  if (!Array.isArray(v)) return undefined;
  const tools = v.map(
    (t: OpenAiTool & { name?: unknown; description?: unknown; inputSchema?: unknown; parameters?: unknown }) =>
      isObject(t.function)
        ? { name: t.function.name, description: t.function.description ?? "", inputSchema: t.function.parameters }
        : { name: t?.name, description: t?.description ?? "", inputSchema: t?.inputSchema ?? t?.parameters },
  );
  return tools.every((t) => typeof t.name === "string" && t.name) ? tools : undefined;
}

export function convertEpisode(record: unknown, mapping: FieldMapping): Converted {
  if (Array.isArray(record)) return { input: { steps: messagesToSteps(record) }, stepsFrom: { path: "", offset: 0 } };
  if (!isObject(record)) return { errors: [{ path: "", message: "each record must be a JSON object" }] };
  const errors: RecordIssue[] = [];
  const messagesPath = mapping.messages ?? "messages";
  const messages = getPath(record, messagesPath);
  if (!Array.isArray(messages))
    return {
      errors: [
        {
          path: messagesPath,
          message: `expected the list of messages at '${messagesPath}': map Messages to the field that holds them`,
        },
      ],
    };

  const used = new Set<string>([messagesPath]);
  const read = (target: keyof FieldMapping) => {
    const path = mapping[target];
    if (!path) return undefined;
    used.add(path);
    return getPath(record, path);
  };
  const id = toId(read("id"));
  const taskId = toId(read("taskId"));
  const promptRaw = read("prompt");
  const prompt = promptRaw === undefined ? undefined : plainText(promptRaw);
  const rewardRaw = read("reward");
  const reward = toReward(rewardRaw);
  if (rewardRaw != null && reward === undefined)
    errors.push({ path: mapping.reward as string, message: `'${toText(rewardRaw)}' is not a number (reward)` });
  const outcomeRaw = read("outcome");
  const outcome = toOutcome(outcomeRaw);
  if (outcomeRaw != null && outcome === undefined)
    errors.push({
      path: mapping.outcome as string,
      message: `'${toText(outcomeRaw)}' is not a verdict (${VERDICT_HINT}): map Outcome to another field or to none`,
    });
  const finalAnswer = toText(read("finalAnswer"));
  const model = toText(read("policy"));
  const runId = toText(read("runId"));
  if (errors.length) return { errors };

  const tools = readTools(record.tools);
  if (tools) used.add("tools");
  const metadata: Record<string, unknown> = isObject(record.metadata) ? { ...record.metadata } : {};
  for (const [k, v] of Object.entries(record)) if (!used.has(k) && k !== "metadata") metadata[k] = v;

  const steps = messagesToSteps(messages);
  // a prompt kept beside the messages is the user's turn when the messages start without one
  const prepend = prompt && !steps.some((s) => isObject(s.message) && s.message.role === "user");
  return {
    input: {
      ...(id ? { id } : {}),
      ...(taskId || prompt ? { task: { ...(taskId ? { id: taskId } : {}), ...(prompt ? { prompt } : {}) } } : {}),
      ...(model ? { policy: { model } } : {}),
      ...(runId ? { runId } : {}),
      ...(tools ? { tools } : {}),
      steps: prepend ? [{ message: { role: "user", content: prompt } }, ...steps] : steps,
      ...(finalAnswer !== undefined ? { finalAnswer } : {}),
      ...(outcome ? { outcome } : {}),
      ...(reward !== undefined ? { reward } : {}),
      metadata,
    },
    stepsFrom: { path: messagesPath, offset: prepend ? 1 : 0 },
  };
}
