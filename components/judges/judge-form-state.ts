// The add/edit form's values as text (what inputs hold) and their conversion to a judge input,
// checked with the same schema the API uses so every field error shows at once, next to its field.
import { type JudgeInput, type JudgeView, judgeInput } from "@/lib/judges/schemas";

export type FormValues = {
  kind: "model" | "onnx";
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string;
  removeKey: boolean;
  temperature: string;
  samples: string;
  combine: "majority" | "mean";
  timeoutMs: string;
  maxRetries: string;
  concurrency: string;
  maxOutputChars: string;
  responseFormat: "json_schema" | "json_object" | "none";
  promptTemplate: string;
  modelDir: string;
  maxLength: string;
  output: "sigmoid" | "softmax-last" | "identity";
};

export function initialValues(j: JudgeView | null): FormValues {
  const m = j?.kind === "model" ? j.config : null;
  const o = j?.kind === "onnx" ? j.config : null;
  const s = (v: number | undefined, d: number) => String(v ?? d);
  return {
    kind: j?.kind ?? "model",
    name: j?.name ?? "",
    baseUrl: m?.baseUrl ?? "",
    model: m?.model ?? "",
    apiKey: "",
    removeKey: false,
    temperature: s(m?.temperature, 0),
    samples: s(m?.samples, 1),
    combine: m?.combine ?? "majority",
    timeoutMs: s(m?.timeoutMs, 60_000),
    maxRetries: s(m?.maxRetries, 3),
    concurrency: s(m?.concurrency, 8),
    maxOutputChars: s(m?.maxOutputChars ?? o?.maxOutputChars, m || !o ? 2000 : 1000),
    responseFormat: m?.responseFormat ?? "json_schema",
    promptTemplate: m?.promptTemplate ?? "",
    modelDir: o?.modelDir ?? "",
    maxLength: s(o?.maxLength, 512),
    output: o?.output ?? "sigmoid",
  };
}

/** Text to number; an empty field is left out so the default applies, and "abc" stays wrong for the schema. */
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** `editing`: an empty key field keeps the stored key; "remove" clears it. */
export function toInput(v: FormValues, editing: boolean): JudgeInput {
  if (v.kind === "onnx")
    return {
      name: v.name,
      kind: "onnx",
      config: {
        modelDir: v.modelDir,
        maxLength: num(v.maxLength),
        output: v.output,
        maxOutputChars: num(v.maxOutputChars),
      },
    };
  const apiKey = v.removeKey ? null : v.apiKey.trim() ? v.apiKey.trim() : editing ? undefined : null;
  return {
    name: v.name,
    kind: "model",
    config: {
      baseUrl: v.baseUrl,
      model: v.model,
      apiKey,
      temperature: num(v.temperature),
      samples: num(v.samples),
      combine: v.combine,
      timeoutMs: num(v.timeoutMs),
      maxRetries: num(v.maxRetries),
      concurrency: num(v.concurrency),
      maxOutputChars: num(v.maxOutputChars),
      responseFormat: v.responseFormat,
      promptTemplate: v.promptTemplate.trim() ? v.promptTemplate : null,
    },
  };
}

/** Field errors keyed like the API names them: "name", "config.baseUrl", … */
export function checkInput(input: JudgeInput): Record<string, string> {
  const r = judgeInput.safeParse(input);
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}
