// MCP-Atlas sample tasks (CSV: TASK, ENABLED_TOOLS, PROMPT, TRAJECTORY, GTFA_CLAIMS): the tasks
// themselves, and each task's human reference trajectory in the canonical format.
// Fields hold multi-line JSON, so a real CSV parser reads them. Safe for the browser.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { TrajectoryInput } from "@/lib/trajectories/format";

export const MCP_ATLAS_COLUMNS = ["TASK", "ENABLED_TOOLS", "PROMPT", "TRAJECTORY", "GTFA_CLAIMS"] as const;
export const MCP_ATLAS_TASK_SET = "MCP-Atlas sample";

const row = z.object({
  TASK: z.string().min(1),
  ENABLED_TOOLS: z.string(),
  PROMPT: z.string().min(1),
  TRAJECTORY: z.string(),
  GTFA_CLAIMS: z.string(),
});

export type McpAtlasTask = {
  externalId: string;
  prompt: string;
  enabledTools: string[];
  claims: string[];
  trajectory: unknown[];
};

/** One parsed CSV row; throws naming the row (as a spreadsheet numbers it) and the field. */
export function mcpAtlasTask(raw: unknown, rowNumber: number): McpAtlasTask {
  const parsed = row.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Row ${rowNumber}: ${parsed.error.issues[0].path.join(".")} ${parsed.error.issues[0].message}`);
  const json = (field: keyof typeof parsed.data) => {
    try {
      return JSON.parse(parsed.data[field]);
    } catch {
      throw new Error(`Row ${rowNumber}: ${field} is not valid JSON`);
    }
  };
  const list = <T extends z.ZodType>(field: keyof typeof parsed.data, item: T) => {
    const r = z.array(item).safeParse(json(field));
    if (!r.success) throw new Error(`Row ${rowNumber}: ${field} must be a JSON list`);
    return r.data as z.infer<T>[];
  };
  return {
    externalId: parsed.data.TASK,
    prompt: parsed.data.PROMPT,
    enabledTools: list("ENABLED_TOOLS", z.string()),
    claims: list("GTFA_CLAIMS", z.string()),
    trajectory: list("TRAJECTORY", z.unknown()),
  };
}

export function parseMcpAtlasCsv(text: string): McpAtlasTask[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as unknown[];
  return records.map((r, i) => mcpAtlasTask(r, i + 2));
}

type Message = { role?: unknown; content?: unknown; tool_calls?: { id?: unknown; function?: { name?: unknown } }[] };

function text(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p.text === "string" ? p.text : "")).join("\n");
  return "";
}

/** The task's reference trajectory: the prompt as the user's message, then the recorded messages. */
export function mcpAtlasTrajectory(task: McpAtlasTask): TrajectoryInput {
  const messages = task.trajectory as Message[];
  // tool messages in the file carry only tool_call_id: name them after their call for the viewer
  const callNames = new Map<unknown, string>();
  for (const m of messages)
    for (const c of m?.tool_calls ?? [])
      if (typeof c?.function?.name === "string") callNames.set(c.id, c.function.name);
  const steps = messages.map((m) => {
    const named =
      m?.role === "tool" && !("name" in m) && callNames.has((m as { tool_call_id?: unknown }).tool_call_id)
        ? { ...m, name: callNames.get((m as { tool_call_id?: unknown }).tool_call_id) }
        : m;
    return { message: named as never };
  });
  const lastAnswer = [...messages].reverse().find((m) => m?.role === "assistant" && text(m.content).trim());
  return {
    id: `mcp-atlas:${task.externalId}:reference`,
    task: { id: task.externalId, prompt: task.prompt, taskSet: MCP_ATLAS_TASK_SET },
    policy: { name: "human reference" },
    loadingStrategy: "eager",
    initialTools: task.enabledTools,
    steps: [{ message: { role: "user", content: task.prompt } }, ...steps],
    ...(lastAnswer ? { finalAnswer: text(lastAnswer.content) } : {}),
    metadata: { source: "mcp-atlas", claims: task.claims },
  };
}

/** Every task's reference trajectory from the CSV text. */
export function mcpAtlasTrajectories(csvText: string): TrajectoryInput[] {
  return parseMcpAtlasCsv(csvText).map(mcpAtlasTrajectory);
}
