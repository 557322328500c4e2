// The columns a stored trajectory derives from its canonical record: one definition for ingest
// and for episodes written step by step, so a run's trajectory lists, filters and judges exactly
// like an imported one.
import { sql } from "drizzle-orm";
import type { trajectorySteps } from "@/db/schema";
import type { TrajectoryRecord } from "../format";
import type { Accounted, AccountedStep } from "./account-context";

export function derivedColumns(r: TrajectoryRecord, acc: Accounted) {
  return {
    runId: r.runId ?? null,
    taskRef: r.task?.id ?? null,
    summary: acc.summary,
    policy: r.policy?.name ?? r.policy?.model ?? null,
    loadingStrategy: r.loadingStrategy ?? null,
    tokenizer: acc.tokenizer,
    contextLimit: r.contextLimit ?? null,
    tools: r.tools,
    initialTools: r.initialTools,
    toolsUsed: acc.toolsUsed,
    toolCallCount: acc.toolCallCount,
    toolErrorCount: acc.toolErrorCount,
    peakContextTokens: acc.peakContextTokens,
    durationMs: acc.durationMs,
    outcome: r.outcome ?? null,
    reward: r.reward ?? null,
    finalAnswer: r.finalAnswer ?? null,
    stepCount: r.steps.length,
    metadata: { ...r.metadata, ...(r.task?.taskSet ? { taskSet: r.task.taskSet } : {}) },
    contentHash: acc.contentHash,
    search: sql`to_tsvector('english', ${acc.searchText})`,
  };
}

export function stepRow(trajectoryId: string, s: AccountedStep, index: number): typeof trajectorySteps.$inferInsert {
  return {
    trajectoryId,
    index,
    role: s.message.role,
    message: s.message,
    toolsLoaded: s.toolsLoaded,
    toolsUnloaded: s.toolsUnloaded,
    context: s.context,
    tokens: s.tokens,
    bytes: s.bytes,
    usage: s.usage ?? null,
    latencyMs: s.latencyMs === undefined ? null : Math.round(s.latencyMs),
    error: s.error ?? null,
    startedAt: s.startedAt ? new Date(s.startedAt) : null,
  };
}
