import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels, trajectories, trajectorySteps } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { type ChatMessage, contentText } from "@/lib/trajectories/format";
import type { CompactStep, QueueItemDetail } from "../schemas";
import { selectQueueItems } from "./list-queue-items";
import { selectLabels } from "./list-trajectory-labels";
import { loadQueue } from "./load-queue";

/** Per step, what the labeling screen sends to the browser; longer text is cut with its size kept. */
const MAX_STEP_TEXT = 20_000;
const MAX_ARGUMENTS = 8_000;

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

export function toCompactStep(s: {
  index: number;
  role: string;
  message: unknown;
  tokens: number | null;
  error: string | null;
}): CompactStep {
  const m = s.message as Partial<ChatMessage> & Record<string, unknown>;
  const text = contentText((m.content ?? null) as ChatMessage["content"]);
  const calls = Array.isArray(m.tool_calls)
    ? (m.tool_calls as { id?: string; function?: { name?: string; arguments?: string } }[])
    : [];
  return {
    index: s.index,
    role: s.role,
    text: cut(text, MAX_STEP_TEXT),
    textChars: text.length,
    reasoning: typeof m.reasoning_content === "string" ? cut(m.reasoning_content, MAX_STEP_TEXT) : null,
    toolCalls: calls.map((c, i) => ({
      id: c.id ?? String(i),
      name: c.function?.name ?? "?",
      arguments: cut(c.function?.arguments ?? "", MAX_ARGUMENTS),
    })),
    toolCallId: typeof m.tool_call_id === "string" ? m.tool_call_id : null,
    toolName: typeof m.name === "string" ? m.name : null,
    tokens: s.tokens,
    error: s.error,
  };
}

/** One queue item for the labeling screen: the trajectory, its steps, and its labels. */
export async function getQueueItem({
  db,
  projectId,
  queueId,
  itemId,
}: {
  db: DbOrTx;
  projectId: string;
  queueId: string;
  itemId: string;
}): Promise<QueueItemDetail> {
  const q = await loadQueue(db, projectId, queueId);
  const [item] = await selectQueueItems(db, q.id, itemId);
  if (!item) throw notFound("The queue item", "itemId");
  const [t] = await db.select().from(trajectories).where(eq(trajectories.id, item.trajectoryId));
  const steps = await db
    .select({
      index: trajectorySteps.index,
      role: trajectorySteps.role,
      message: trajectorySteps.message,
      tokens: trajectorySteps.tokens,
      error: trajectorySteps.error,
    })
    .from(trajectorySteps)
    .where(eq(trajectorySteps.trajectoryId, t.id))
    .orderBy(asc(trajectorySteps.index));
  const itemLabels = q.labelSchemaIds.length
    ? await selectLabels(db, [eq(labels.trajectoryId, t.id), inArray(labels.labelSchemaId, q.labelSchemaIds)])
    : [];
  return {
    item,
    trajectory: {
      id: t.id,
      clientId: t.clientId,
      summary: t.summary,
      outcome: t.outcome,
      reward: t.reward,
      finalAnswer: t.finalAnswer,
      policy: t.policy,
      taskRef: t.taskRef,
      stepCount: t.stepCount,
    },
    steps: steps.map(toCompactStep),
    labels: itemLabels,
  };
}
