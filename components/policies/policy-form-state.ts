// The add/edit form's values as text (what inputs hold) and their conversion to a policy input,
// checked with the schema the API uses so every field error shows at once, next to its field.
import { type PolicyInput, type PolicyView, policyInput } from "@/lib/policies/schemas";

export type FormValues = {
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string;
  removeKey: boolean;
  temperature: string;
  maxTokens: string;
  contextWindow: string;
  tokenizer: "qwen3" | "o200k_base";
  timeoutMs: string;
};

export function initialValues(p: PolicyView | null): FormValues {
  const s = (v: number | undefined, d: number) => String(v ?? d);
  return {
    name: p?.name ?? "",
    baseUrl: p?.baseUrl ?? "",
    model: p?.model ?? "",
    apiKey: "",
    removeKey: false,
    temperature: s(p?.temperature, 0.6),
    maxTokens: s(p?.maxTokens, 2048),
    contextWindow: s(p?.contextWindow, 32768),
    tokenizer: p?.tokenizer ?? "qwen3",
    timeoutMs: s(p?.timeoutMs, 120_000),
  };
}

/** Text to number; an empty field is left out so the default applies, and "abc" stays wrong for the schema. */
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** `editing`: an empty key field keeps the stored key; "remove" clears it. */
export function toInput(v: FormValues, editing: boolean): PolicyInput {
  return {
    name: v.name,
    baseUrl: v.baseUrl,
    model: v.model,
    apiKey: v.removeKey ? null : v.apiKey.trim() ? v.apiKey.trim() : editing ? undefined : null,
    temperature: num(v.temperature),
    maxTokens: num(v.maxTokens),
    contextWindow: num(v.contextWindow),
    tokenizer: v.tokenizer,
    timeoutMs: num(v.timeoutMs),
  };
}

/** Field errors keyed as the API names them. */
export function checkInput(input: PolicyInput): Record<string, string> {
  const r = policyInput.safeParse(input);
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}
