// One step with its message whole: what the viewer fetches when someone expands a long output.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { trajectories, trajectorySteps } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { type ChatMessage, chatMessage } from "../format";
import type { FullStepView, StepRole } from "../view-schemas";

/** The path gives the index as text; anything but a whole number names no step. */
export function parseStepIndex(raw: string): number {
  if (!/^\d{1,9}$/.test(raw))
    throw new AppError("NOT_FOUND", `No step '${raw}' here: index is the step's number, 0 for the first`, "index");
  return Number(raw);
}

export async function getStep({
  db,
  projectId,
  trajectoryId,
  index,
}: {
  db: DbOrTx;
  projectId: string;
  trajectoryId: string;
  index: number;
}): Promise<FullStepView> {
  const [row] = await db
    .select({ stepCount: trajectories.stepCount, s: trajectorySteps })
    .from(trajectories)
    .leftJoin(trajectorySteps, and(eq(trajectorySteps.trajectoryId, trajectories.id), eq(trajectorySteps.index, index)))
    .where(and(eq(trajectories.id, trajectoryId), eq(trajectories.projectId, projectId)));
  if (!row) throw notFound("The trajectory", "trajectoryId");
  const s = row.s;
  if (!s)
    throw new AppError(
      "NOT_FOUND",
      `This trajectory has no step ${index}: its steps are 0 to ${Math.max(0, row.stepCount - 1)}`,
      "index",
    );
  // rows written before validation existed may not parse; show them as they are rather than fail
  const parsed = chatMessage.safeParse(s.message);
  const message: ChatMessage = parsed.success
    ? parsed.data
    : { role: "assistant", content: JSON.stringify(s.message), tool_calls: undefined };
  return {
    index: s.index,
    role: message.role as StepRole,
    message,
    toolsLoaded: s.toolsLoaded,
    toolsUnloaded: s.toolsUnloaded,
    context: (s.context as FullStepView["context"]) ?? null,
    tokens: s.tokens,
    bytes: s.bytes,
    usage: (s.usage as FullStepView["usage"]) ?? null,
    latencyMs: s.latencyMs,
    error: s.error,
    startedAt: s.startedAt ? s.startedAt.toISOString() : null,
  };
}
