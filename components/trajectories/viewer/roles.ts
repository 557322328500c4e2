// One colour per role everywhere a step appears (viewer, replay, diff, labeling).
import type { StepRole } from "@/lib/trajectories/view-schemas";

export const roleStyle: Record<StepRole, { label: string; chip: string; rail: string; text: string }> = {
  system: { label: "system", chip: "bg-hover text-fg-muted", rail: "border-l-line-strong", text: "text-fg-muted" },
  user: { label: "user", chip: "bg-info-soft text-info", rail: "border-l-info", text: "text-info" },
  assistant: { label: "assistant", chip: "bg-accent-soft text-accent", rail: "border-l-accent", text: "text-accent" },
  tool: { label: "tool", chip: "bg-success-soft text-success", rail: "border-l-success", text: "text-success" },
};

/** The four parts of the context window, in the order they stack. */
export const contextParts = [
  { key: "system", label: "System", fill: "fill-fg-subtle", bg: "bg-fg-subtle" },
  { key: "toolSchemas", label: "Tool schemas", fill: "fill-warning", bg: "bg-warning" },
  { key: "history", label: "History", fill: "fill-accent", bg: "bg-accent" },
  { key: "toolOutputs", label: "Tool outputs", fill: "fill-success", bg: "bg-success" },
] as const;
