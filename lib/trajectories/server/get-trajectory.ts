// One episode for the viewer: its header, every step with long text shortened in the
// database (a 5 MB tool output costs the browser 8 KB until someone expands it), its scores,
// label count and the other episodes of the same task.
import { and, count, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels, runs, scores, taskSets, tasks, trajectories } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { contentText, type Outcome } from "../format";
import { type MessageView, SHORTEN_AT, type StepRole, type StepView, type TrajectoryView } from "../view-schemas";

const SIBLINGS = 50;

export async function getTrajectory({
  db,
  projectId,
  trajectoryId,
}: {
  db: DbOrTx;
  projectId: string;
  trajectoryId: string;
}): Promise<TrajectoryView> {
  const [row] = await db
    .select({
      t: trajectories,
      taskPrompt: tasks.prompt,
      taskSet: taskSets.name,
      runName: runs.name,
    })
    .from(trajectories)
    .leftJoin(tasks, eq(tasks.id, trajectories.taskId))
    .leftJoin(taskSets, eq(taskSets.id, tasks.taskSetId))
    .leftJoin(runs, eq(runs.id, trajectories.runId))
    .where(and(eq(trajectories.id, trajectoryId), eq(trajectories.projectId, projectId)));
  if (!row) throw notFound("The trajectory", "trajectoryId");
  const { t } = row;

  const sameTask: SQL[] = [];
  if (t.taskRef) sameTask.push(eq(trajectories.taskRef, t.taskRef));
  if (t.taskId) sameTask.push(eq(trajectories.taskId, t.taskId));
  const [steps, scoreRows, [labelRow], siblings] = await Promise.all([
    readSteps(db, t.id),
    db.select().from(scores).where(eq(scores.trajectoryId, t.id)).orderBy(scores.createdAt),
    db.select({ n: count() }).from(labels).where(eq(labels.trajectoryId, t.id)),
    sameTask.length
      ? db
          .select({
            id: trajectories.id,
            policy: trajectories.policy,
            outcome: trajectories.outcome,
            reward: trajectories.reward,
            stepCount: trajectories.stepCount,
            createdAt: trajectories.createdAt,
          })
          .from(trajectories)
          .where(and(eq(trajectories.projectId, projectId), ne(trajectories.id, t.id), or(...sameTask)))
          .orderBy(desc(trajectories.createdAt))
          .limit(SIBLINGS)
      : Promise.resolve([]),
  ]);
  const metadata = (t.metadata ?? {}) as Record<string, unknown>;
  return {
    id: t.id,
    clientId: t.clientId,
    task: {
      ref: t.taskRef,
      id: t.taskId,
      prompt: row.taskPrompt,
      taskSet: row.taskSet ?? (typeof metadata.taskSet === "string" ? metadata.taskSet : null),
    },
    summary: t.summary,
    run: t.runId && row.runName !== null ? { id: t.runId, name: row.runName } : null,
    policy: t.policy,
    loadingStrategy: t.loadingStrategy,
    tokenizer: { name: t.tokenizer, exact: tokenizerExact(t.tokenizer) },
    contextLimit: t.contextLimit,
    outcome: t.outcome as Outcome | null,
    reward: t.reward,
    finalAnswer: t.finalAnswer,
    metadata,
    scores: scoreRows.map((s) => ({
      criterion: s.criterionId,
      value: s.value,
      error: s.error,
      rationale: s.rationale,
      source: s.source,
      createdAt: s.createdAt.toISOString(),
    })),
    labelCount: labelRow?.n ?? 0,
    createdAt: t.createdAt.toISOString(),
    stepCount: t.stepCount,
    toolCallCount: t.toolCallCount,
    toolErrorCount: t.toolErrorCount,
    peakContextTokens: t.peakContextTokens,
    durationMs: t.durationMs,
    tools: ((t.tools ?? []) as { name?: unknown }[]).flatMap((d) => (typeof d?.name === "string" ? [d.name] : [])),
    initialTools: t.initialTools,
    steps,
    sameTask: siblings.map((s) => ({
      ...s,
      outcome: s.outcome as Outcome | null,
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

/** Our two tokenizers say whether they are exact; counts that came with a file are the file's word. */
export function tokenizerExact(name: string | null): boolean | null {
  if (name === "qwen3") return true;
  if (name === "o200k_base") return false;
  return null;
}

type StepRow = {
  index: number;
  role: string;
  tools_loaded: string[];
  tools_unloaded: string[];
  context: StepView["context"];
  tokens: number | null;
  bytes: number;
  usage: StepView["usage"];
  latency_ms: number | null;
  error: string | null;
  started_at: string | Date | null;
  /** the stored message, for rows up to WHOLE_MAX bytes */
  message: unknown;
  /** for larger rows: the fields, already cut in the database */
  cut: {
    content: string | null;
    contentBytes: number | null;
    reasoning: string | null;
    reasoningBytes: number | null;
    toolCalls: { id: string | null; name: string | null; arguments: string | null; truncated: number | null }[];
    toolCallId: string | null;
    name: string | null;
    programCalls: { name: string | null; arguments: string | null; ok: boolean | null; error: string | null }[];
  } | null;
};

// Rows up to this size come whole and are shortened here; larger ones are cut inside
// PostgreSQL, so that a 5 MB output never leaves the database whole.
const WHOLE_MAX = 32 * 1024;

async function readSteps(db: DbOrTx, trajectoryId: string): Promise<StepView[]> {
  const n = SHORTEN_AT;
  const rows = (await db.execute(sql`
    select s.index, s.role, s.tools_loaded, s.tools_unloaded, s.context, s.tokens, s.bytes, s.usage,
      s.latency_ms, s.error, s.started_at,
      case when s.bytes <= ${WHOLE_MAX} then s.message end as message,
      case when s.bytes > ${WHOLE_MAX} then (
        select jsonb_build_object(
          'content', left(c.text, ${n}),
          'contentBytes', case when char_length(c.text) > ${n} then octet_length(c.text) end,
          'reasoning', left(s.message->>'reasoning_content', ${n}),
          'reasoningBytes', case when char_length(s.message->>'reasoning_content') > ${n}
            then octet_length(s.message->>'reasoning_content') end,
          'toolCalls', coalesce((
            select jsonb_agg(jsonb_build_object(
              'id', tc->>'id',
              'name', tc->'function'->>'name',
              'arguments', left(tc->'function'->>'arguments', ${n}),
              'truncated', case when char_length(tc->'function'->>'arguments') > ${n}
                then octet_length(tc->'function'->>'arguments') end) order by o)
            from jsonb_array_elements(case when jsonb_typeof(s.message->'tool_calls') = 'array'
              then s.message->'tool_calls' else '[]'::jsonb end) with ordinality e(tc, o)
          ), '[]'::jsonb),
          'toolCallId', s.message->>'tool_call_id',
          'name', s.message->>'name',
          'programCalls', coalesce((
            select jsonb_agg(jsonb_build_object(
              'name', pc->>'name',
              'arguments', left(pc->>'arguments', ${n}),
              'ok', pc->'ok',
              'error', pc->>'error') order by o)
            from jsonb_array_elements(case when jsonb_typeof(s.message->'program_calls') = 'array'
              then s.message->'program_calls' else '[]'::jsonb end) with ordinality e(pc, o)
          ), '[]'::jsonb))
        from (select case jsonb_typeof(s.message->'content')
          when 'string' then s.message->>'content'
          when 'array' then (select string_agg(coalesce(p->>'text', p::text), E'\n' order by o)
            from jsonb_array_elements(s.message->'content') with ordinality e(p, o))
          else '' end as text) c
      ) end as cut
    from trajectory_steps s
    where s.trajectory_id = ${trajectoryId}
    order by s.index`)) as unknown as StepRow[];

  const views = rows.map((r) => {
    const role = asRole(r.role);
    return {
      index: r.index,
      role,
      message: r.cut ? fromCut(role, r.cut) : shortenMessage(role, r.message),
      toolsLoaded: r.tools_loaded ?? [],
      toolsUnloaded: r.tools_unloaded ?? [],
      context: r.context,
      tokens: r.tokens,
      bytes: r.bytes,
      usage: r.usage,
      latencyMs: r.latency_ms,
      error: r.error,
      startedAt: r.started_at ? new Date(r.started_at).toISOString() : null,
    };
  });
  // tool results name their tool when the file did not: from the call they answer
  const callNames = new Map<string, string>();
  for (const v of views) for (const c of v.message.toolCalls) if (c.id && c.name) callNames.set(c.id, c.name);
  for (const v of views)
    if (v.message.toolCallId && !v.message.name) v.message.name = callNames.get(v.message.toolCallId) ?? null;
  return views;
}

function fromCut(role: StepRole, c: NonNullable<StepRow["cut"]>): MessageView {
  return {
    role,
    content: c.content ?? "",
    reasoning: c.reasoning,
    toolCalls: c.toolCalls.map((t) => ({
      id: t.id ?? "",
      name: t.name ?? "",
      arguments: t.arguments ?? "",
      truncated: t.truncated,
    })),
    toolCallId: c.toolCallId,
    name: c.name,
    programCalls: (c.programCalls ?? []).map((p) => ({
      name: p.name ?? "",
      arguments: p.arguments ?? "",
      ok: p.ok === true,
      error: p.error,
    })),
    truncated: { content: c.contentBytes, reasoning: c.reasoningBytes },
  };
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** Same cut as the database's: the first SHORTEN_AT characters, and the whole field's bytes. */
function shorten(text: string): [string, number | null] {
  return text.length > SHORTEN_AT ? [text.slice(0, SHORTEN_AT), Buffer.byteLength(text)] : [text, null];
}

// Rows written before validation existed may not have the canonical shape: read what is there.
function shortenMessage(role: StepRole, raw: unknown): MessageView {
  const m = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const parts = m.content;
  const text =
    typeof parts === "string" ? parts : Array.isArray(parts) ? contentText(parts as { text?: string }[]) : "";
  const [content, contentBytes] = shorten(text);
  const [reasoning, reasoningBytes] =
    str(m.reasoning_content) === null ? [null, null] : shorten(m.reasoning_content as string);
  const calls = Array.isArray(m.tool_calls)
    ? (m.tool_calls as { id?: unknown; function?: Record<string, unknown> }[])
    : [];
  return {
    role,
    content,
    reasoning,
    toolCalls: calls.map((c) => {
      const [args, truncated] = shorten(str(c?.function?.arguments) ?? "");
      return { id: str(c?.id) ?? "", name: str(c?.function?.name) ?? "", arguments: args, truncated };
    }),
    toolCallId: str(m.tool_call_id),
    name: str(m.name),
    programCalls: Array.isArray(m.program_calls)
      ? (m.program_calls as Record<string, unknown>[]).map((p) => ({
          name: str(p?.name) ?? "",
          arguments: shorten(str(p?.arguments) ?? "")[0],
          ok: p?.ok === true,
          error: str(p?.error),
        }))
      : [],
    truncated: { content: contentBytes, reasoning: reasoningBytes },
  };
}

const asRole = (r: string): StepRole =>
  r === "system" || r === "user" || r === "tool" || r === "assistant" ? r : "assistant";
