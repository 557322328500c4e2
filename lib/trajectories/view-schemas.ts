// What the trajectory viewer, replay and diff read: one episode with its steps, long text
// shortened, and one step in full. Safe for the browser.
import { z } from "zod";
import { type ChatMessage, chatMessage, contentText, contextTokens, outcomes } from "./format";

/** Text fields longer than this many characters travel shortened; `GET .../steps/{index}` has them whole. */
export const SHORTEN_AT = 8192;

export const roles = ["system", "user", "assistant", "tool"] as const;
export type StepRole = (typeof roles)[number];

export const toolCallView = z.object({
  id: z.string(),
  name: z.string(),
  /** JSON text as the model wrote it, the first SHORTEN_AT characters when long */
  arguments: z.string(),
  /** bytes of the whole arguments text when it was shortened; null when `arguments` is whole */
  truncated: z.number().int().nullable(),
});
export type ToolCallView = z.infer<typeof toolCallView>;

/** A call a program (run_program) made from its sandbox, listed on the program's tool result. */
export const programCallView = z.object({
  name: z.string(),
  /** JSON text, the first SHORTEN_AT characters when long */
  arguments: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
});
export type ProgramCallView = z.infer<typeof programCallView>;

/** A message flattened for reading: content as text (parts joined), each long field shortened. */
export const messageView = z.object({
  role: z.enum(roles),
  content: z.string(),
  reasoning: z.string().nullable(),
  toolCalls: z.array(toolCallView),
  /** tool messages: the call they answer, and the tool's name when the file gave it */
  toolCallId: z.string().nullable(),
  name: z.string().nullable(),
  /** a run_program result: the tools its program called */
  programCalls: z.array(programCallView).default([]),
  /** bytes of the whole text of a shortened field; null when whole */
  truncated: z.object({ content: z.number().int().nullable(), reasoning: z.number().int().nullable() }),
});
export type MessageView = z.infer<typeof messageView>;

export const stepView = z.object({
  index: z.number().int(),
  role: z.enum(roles),
  message: messageView,
  toolsLoaded: z.array(z.string()),
  toolsUnloaded: z.array(z.string()),
  /** tokens in the model's context when this step was produced */
  context: contextTokens.nullable(),
  /** tokens of this message */
  tokens: z.number().int().nullable(),
  /** bytes of the whole message as JSON */
  bytes: z.number().int(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
});
export type StepView = z.infer<typeof stepView>;

export const scoreView = z.object({
  criterion: z.string().nullable(),
  /** null with an error: a failed judgment, never a zero */
  value: z.number().nullable(),
  error: z.string().nullable(),
  rationale: z.string().nullable(),
  source: z.string().nullable(),
  createdAt: z.string(),
});

/** Another episode of the same task: what the diff page offers to compare with. */
export const siblingView = z.object({
  id: z.string(),
  policy: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  reward: z.number().nullable(),
  stepCount: z.number().int(),
  createdAt: z.string(),
});
export type SiblingView = z.infer<typeof siblingView>;

export const trajectoryView = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  task: z.object({
    /** the task id as the file gave it */
    ref: z.string().nullable(),
    /** the project's task it matched, with its prompt */
    id: z.string().nullable(),
    prompt: z.string().nullable(),
    taskSet: z.string().nullable(),
  }),
  /** the first user message (or the task prompt), shortened: what the list shows */
  summary: z.string(),
  run: z.object({ id: z.string(), name: z.string() }).nullable(),
  policy: z.string().nullable(),
  loadingStrategy: z.string().nullable(),
  tokenizer: z.object({
    name: z.string().nullable(),
    /** qwen3 counts Qwen3 policies exactly; o200k_base approximates others; null: counts came with the file */
    exact: z.boolean().nullable(),
  }),
  contextLimit: z.number().int().nullable(),
  outcome: z.enum(outcomes).nullable(),
  reward: z.number().nullable(),
  finalAnswer: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  scores: z.array(scoreView),
  labelCount: z.number().int(),
  createdAt: z.string(),
  stepCount: z.number().int(),
  toolCallCount: z.number().int(),
  toolErrorCount: z.number().int(),
  peakContextTokens: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** names of the tool definitions the episode carried */
  tools: z.array(z.string()),
  /** tools loaded before the first step */
  initialTools: z.array(z.string()),
  steps: z.array(stepView),
  sameTask: z.array(siblingView),
});
export type TrajectoryView = z.infer<typeof trajectoryView>;

const looksLikeStep = (s: unknown) => {
  const x = s as { index?: unknown; role?: unknown; message?: { content?: unknown; toolCalls?: unknown } } | null;
  return (
    typeof x?.index === "number" &&
    typeof x.role === "string" &&
    typeof x.message?.content === "string" &&
    Array.isArray(x.message.toolCalls)
  );
};

/**
 * What the browser checks of a trajectory: the header in full, the shape of each step. The
 * server parsed every step with `trajectoryView` on the way out, and a full parse of 2,000
 * steps costs a browser 100-300 ms on a page's first use, longer than drawing them.
 */
export const trajectoryViewInBrowser = trajectoryView.omit({ steps: true }).extend({
  steps: z.array(z.custom<StepView>(looksLikeStep, "each step needs index, role and message")),
});

/** One step with its message exactly as stored. */
export const fullStepView = stepView.omit({ message: true }).extend({ message: chatMessage });
export type FullStepView = z.infer<typeof fullStepView>;

/** The reading form of a whole message (nothing shortened): for a step fetched in full. */
export function messageViewOf(m: ChatMessage): MessageView {
  return {
    role: m.role,
    content: contentText(m.content),
    reasoning: m.role === "assistant" ? (m.reasoning_content ?? null) : null,
    toolCalls:
      m.role === "assistant"
        ? (m.tool_calls ?? []).map((c) => ({
            id: c.id,
            name: c.function.name,
            arguments: c.function.arguments,
            truncated: null,
          }))
        : [],
    toolCallId: m.role === "tool" ? m.tool_call_id : null,
    name: m.role === "tool" ? (m.name ?? null) : null,
    programCalls:
      m.role === "tool"
        ? (m.program_calls ?? []).map((c) => ({
            name: c.name,
            arguments: c.arguments,
            ok: c.ok,
            error: c.error ?? null,
          }))
        : [],
    truncated: { content: null, reasoning: null },
  };
}
