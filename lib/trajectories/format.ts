// The canonical trajectory format, version 1 (atlas.trajectory/v1). Safe for the browser.
// `docs/trajectory-format.md` documents it and `docs/trajectory.schema.json` is generated
// from these schemas (`npm run schema:trajectory`); a test keeps the file current.
import { z } from "zod";

export const TRAJECTORY_FORMAT = "atlas.trajectory/v1";
export const outcomes = ["pass", "partial", "fail", "error"] as const;
export type Outcome = (typeof outcomes)[number];

const count = z.number().int().nonnegative();

/** OpenAI content: a string, null, or parts; MCP-style `[{text}]` parts are accepted too. */
export const messageContent = z.union([
  z.string(),
  z.null(),
  z.array(z.object({ type: z.string().optional(), text: z.string().optional() }).loose()),
]);

export const toolCall = z.object({
  id: z.string().min(1),
  type: z.literal("function").default("function"),
  function: z.object({
    name: z.string().min(1, "a tool call needs function.name"),
    arguments: z
      .string()
      .describe("JSON text as the model wrote it; text that does not parse is kept (a finding, not an import error)"),
  }),
});

export const programCall = z.object({
  name: z.string().min(1),
  arguments: z.string().describe("JSON text of the arguments the program passed"),
  ok: z.boolean(),
  error: z.string().optional(),
});

export const chatMessage = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: messageContent }),
  z.object({ role: z.literal("user"), content: messageContent }),
  z.object({
    role: z.literal("assistant"),
    content: messageContent.default(null),
    tool_calls: z.array(toolCall).optional(),
    reasoning_content: z.string().optional().describe("reasoning text, where the model server returns it separately"),
  }),
  z.object({
    role: z.literal("tool"),
    tool_call_id: z.string().min(1, "a tool message needs tool_call_id"),
    name: z.string().optional(),
    content: messageContent,
    program_calls: z
      .array(programCall)
      .optional()
      .describe(
        "the tools a program (ITL+PTC's run_program) called from its sandbox, in order: they were not model turns, but they are tool calls",
      ),
  }),
]);
export type ChatMessage = z.infer<typeof chatMessage>;

/** What was in the model's context when this step was produced, in tokens. */
export const contextTokens = z
  .object({
    system: count.describe("system prompt"),
    toolSchemas: count.describe("schemas of the tools loaded at that moment"),
    history: count.describe("user and assistant messages so far"),
    toolOutputs: count.describe("tool results so far"),
  })
  .describe("tokens in the model's context when this step was produced");
export type ContextTokens = z.infer<typeof contextTokens>;

export const trajectoryStep = z.object({
  message: chatMessage,
  toolsLoaded: z.array(z.string()).default([]).describe("tool names added to the loaded set at this step"),
  toolsUnloaded: z.array(z.string()).default([]).describe("tool names removed from the loaded set at this step"),
  context: contextTokens.optional().describe("computed on import with the trajectory's tokenizer when absent"),
  tokens: count.optional().describe("tokens of this message; computed on import when absent"),
  usage: z
    .object({ promptTokens: count, completionTokens: count })
    .optional()
    .describe("token usage the model server reported for this step"),
  latencyMs: z.number().nonnegative().optional(),
  error: z.string().optional().describe("a tool error, a model error or a limit hit at this step"),
  startedAt: z.iso.datetime({ offset: true }).optional(),
});
export type TrajectoryStep = z.infer<typeof trajectoryStep>;

export const toolDefinition = z.object({
  name: z.string().min(1),
  description: z.string().default(""),
  inputSchema: z.unknown().optional(),
});

export const scoreRecord = z.object({
  criterion: z.string().min(1),
  /** null with an error: a failed judgment, never a zero */
  value: z.number().nullable(),
  rationale: z.string().optional(),
  judge: z.string().optional(),
  error: z.string().optional(),
});

export const trajectoryRecord = z.object({
  format: z.literal(TRAJECTORY_FORMAT).default(TRAJECTORY_FORMAT),
  id: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe("the client's id: ingesting the same id again changes nothing; without one, the content hash is the id"),
  task: z
    .object({
      id: z.string().max(300).optional().describe("the task's id in its benchmark; matched to the project's tasks"),
      prompt: z.string().optional(),
      taskSet: z.string().optional(),
    })
    .optional(),
  policy: z.object({ name: z.string().optional(), model: z.string().optional() }).optional(),
  runId: z.uuid("runId must be a run's UUID").optional().describe("a run of the project, by id"),
  loadingStrategy: z.string().max(40).optional().describe("eager, isl, itl, itl+ptc, or your own name"),
  contextLimit: count.optional().describe("the policy's context window in tokens"),
  tokenizer: z
    .string()
    .max(80)
    .optional()
    .describe("the tokenizer that counted `context` and `tokens`, when the file carries them"),
  tools: z
    .array(toolDefinition)
    .default([])
    .describe("definitions of the tools the episode could load; their schemas count toward context"),
  initialTools: z
    .array(z.string())
    .default([])
    .describe("tools loaded before the first step (eager loading: all of them)"),
  steps: z.array(trajectoryStep).min(1, "a trajectory needs at least one step"),
  finalAnswer: z.string().optional(),
  outcome: z.enum(outcomes).optional(),
  reward: z.number().finite().optional(),
  scores: z.array(scoreRecord).default([]),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type TrajectoryRecord = z.infer<typeof trajectoryRecord>;
export type TrajectoryInput = z.input<typeof trajectoryRecord>;

/** The ingest API also takes `messages` in place of `steps`, the shape most clients already have. */
export const trajectoryInput = z.preprocess((raw) => {
  if (raw && typeof raw === "object" && !("steps" in raw) && Array.isArray((raw as { messages?: unknown }).messages)) {
    const { messages, ...rest } = raw as { messages: unknown[] };
    return { ...rest, steps: messages.map((message) => ({ message })) };
  }
  return raw;
}, trajectoryRecord);

/** Plain text of a message's content (parts joined by newlines). */
export function contentText(content: ChatMessage["content"] | undefined): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((p) => (typeof p.text === "string" ? p.text : JSON.stringify(p))).join("\n");
}

/** Everything a message puts into the context, as text: content, reasoning and tool calls. */
export function messageText(m: ChatMessage): string {
  let text = contentText(m.content);
  if (m.role === "assistant") {
    if (m.reasoning_content) text = `${m.reasoning_content}\n${text}`;
    for (const c of m.tool_calls ?? []) text += `\n${c.function.name}(${c.function.arguments})`;
  }
  return text;
}
