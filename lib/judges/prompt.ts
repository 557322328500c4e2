// What a model judge reads: the whole trajectory, compactly (every step with its index, every tool
// call with its arguments, every tool result), the criterion with its template variables filled in,
// and the scale. Long texts are cut by one stated rule, which the prompt itself repeats.
import type { Criterion, Scale } from "@/lib/rubrics/model";
import { contentText, type TrajectoryRecord } from "@/lib/trajectories/format";
import type { TemplateVariables } from "./server/types";

/** A text longer than `max` keeps its first ceil(2/3·max) and last floor(1/3·max) characters. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max * 2) / 3);
  const tail = max - head;
  const cut = text.length - head - tail;
  return `${text.slice(0, head)}[… ${cut} characters cut …]${tail > 0 ? text.slice(text.length - tail) : ""}`;
}

export const truncationRule = (max: number) =>
  `Any text longer than ${max} characters shows only its first ${Math.ceil((max * 2) / 3)} and last ${
    max - Math.ceil((max * 2) / 3)
  } characters, with "[… K characters cut …]" in between.`;

/** One line (or block) per step: `[index] role: text`, tool calls as `→ name(arguments)`. */
export function renderTrajectory(t: TrajectoryRecord, maxChars: number): string {
  const cut = (s: string) => truncateMiddle(s, maxChars);
  const lines: string[] = [];
  t.steps.forEach((step, i) => {
    const m = step.message;
    const err = step.error ? `\n    error: ${cut(step.error)}` : "";
    if (m.role === "assistant") {
      const parts: string[] = [];
      if (m.reasoning_content) parts.push(`(reasoning) ${cut(m.reasoning_content)}`);
      const text = contentText(m.content);
      if (text) parts.push(cut(text));
      for (const c of m.tool_calls ?? [])
        parts.push(`→ ${c.function.name}(${cut(c.function.arguments)}) [call ${c.id}]`);
      lines.push(`[${i}] assistant: ${parts.join("\n    ") || "(empty)"}${err}`);
    } else if (m.role === "tool") {
      const name = m.name ? ` ${m.name}` : "";
      lines.push(`[${i}] tool${name} [call ${m.tool_call_id}]: ${cut(contentText(m.content))}${err}`);
    } else {
      lines.push(`[${i}] ${m.role}: ${cut(contentText(m.content))}${err}`);
    }
  });
  if (t.finalAnswer != null) lines.push(`Final answer: ${cut(t.finalAnswer)}`);
  return lines.join("\n");
}

/** Fills {{task.prompt}}, {{task.reference}} and {{task.claims}}; unknown placeholders stay as written. */
export function fillVariables(text: string, v: TemplateVariables, extra: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    "task.prompt": v.taskPrompt ?? "",
    "task.reference": v.referenceAnswer ?? "",
    "task.claims": (v.claims ?? []).map((c, i) => `${i + 1}. ${c}`).join("\n"),
    ...extra,
  };
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

export function describeScale(s: Scale): string {
  switch (s.kind) {
    case "binary":
      return "Binary: answer 1 if the criterion is met, 0 if it is not.";
    case "ternary":
      return "Three levels: answer 1 if fully met, 0.5 if partly met, 0 if not met.";
    case "unit":
      return "A number from 0 (not met at all) to 1 (fully met).";
    case "bands":
      return `A whole number from ${Math.min(...s.bands.map((b) => b.min))} to ${Math.max(
        ...s.bands.map((b) => b.max),
      )}:\n${s.bands.map((b) => `- ${b.min}-${b.max}: ${b.description}`).join("\n")}`;
  }
}

export function criterionText(c: Criterion, v: TemplateVariables): string {
  const instruction = fillVariables(c.instruction, v).trim();
  return instruction ? `${c.title}\n${instruction}` : c.title;
}

export const answerInstruction =
  'Answer with one JSON object and nothing else: {"score": <a number on the scale>, "rationale": "<one or two sentences>", "evidence": [<indexes of the steps you relied on>]}.';

const systemPrompt = `You judge one criterion on an AI agent's episode (a trajectory of messages and tool calls). Judge only what the trajectory shows. ${answerInstruction}`;

export const defaultTemplate = `# Task
{{task.prompt}}
{{reference}}{{claims}}
# Trajectory
{{truncation}}
{{trajectory}}

# Criterion
{{criterion}}

# Scale
{{scale}}`;

export type PromptInput = {
  criterion: Criterion;
  trajectory: TrajectoryRecord;
  variables: TemplateVariables;
  maxOutputChars: number;
  template?: string | null;
};

/** The chat messages sent to a model judge. */
export function buildMessages(p: PromptInput): { role: "system" | "user"; content: string }[] {
  const v: TemplateVariables = { ...p.variables, taskPrompt: p.variables.taskPrompt ?? p.trajectory.task?.prompt };
  const user = fillVariables(p.template ?? defaultTemplate, v, {
    reference: v.referenceAnswer ? `\n# Reference answer\n${v.referenceAnswer}\n` : "",
    claims: v.claims?.length ? `\n# Claims\n${fillVariables("{{task.claims}}", v)}\n` : "",
    truncation: truncationRule(p.maxOutputChars),
    trajectory: renderTrajectory(p.trajectory, p.maxOutputChars),
    criterion: criterionText(p.criterion, v),
    scale: describeScale(p.criterion.scale),
  });
  return [
    { role: "system", content: systemPrompt },
    { role: "user", content: `${user}\n\n${answerInstruction}` },
  ];
}
