import type { LabelSchemaView, LabelValue } from "@/lib/labeling/schemas";

/** A label's value as a person reads it. */
export function formatLabelValue(value: LabelValue, kind?: LabelSchemaView["kind"]) {
  if (typeof value === "boolean" || kind === "binary") return value ? "yes" : "no";
  return String(value);
}

export const kindText: Record<LabelSchemaView["kind"], string> = {
  binary: "yes / no",
  categorical: "categories",
  numeric: "number",
  text: "text",
};

/** What a schema accepts, in a few words: "correct · wrong", "1 to 5 by 1". */
export function describeOptions(s: Pick<LabelSchemaView, "kind" | "categories" | "min" | "max" | "step">) {
  if (s.kind === "categorical") return (s.categories ?? []).map((c) => c.value).join(" · ");
  if (s.kind === "numeric") return `${s.min} to ${s.max}${s.step ? ` by ${s.step}` : ""}`;
  if (s.kind === "binary") return "yes or no";
  return "free text";
}
