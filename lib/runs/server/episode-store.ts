// An episode written to the database as it happens: the trajectory row at the start, each step
// the moment the agent loop hands it over (so a crash loses at most the step in flight), and the
// derived columns at the end, computed by the same code as ingest. Pass a connection outside any
// job step's transaction: what is written must survive the worker.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifacts, trajectories, trajectorySteps } from "@/db/schema";
import type { EpisodeEnd, EpisodeHeader, EpisodeSink } from "@/lib/runtime/episode/types";
import { getStorage } from "@/lib/storage/server/storage";
import type { TrajectoryRecord, TrajectoryStep } from "@/lib/trajectories/format";
import { type AccountedStep, accountTrajectory } from "@/lib/trajectories/server/account-context";
import { getTokenizer, type TokenizerName } from "@/lib/trajectories/server/tokenizers";
import { derivedColumns, stepRow } from "@/lib/trajectories/server/trajectory-row";

export type EpisodeStore = EpisodeSink & {
  /** the trajectory row, once `start` ran */
  trajectoryId(): string | null;
  /** true when `start` replaced a trajectory left by an earlier attempt of the same episode */
  replaced(): boolean;
};

/** The client id of a benchmark episode: the same episode run again replaces its trajectory. */
export const episodeClientId = (runId: string, taskExternalId: string, sample: number) =>
  `run:${runId}:${taskExternalId}:${sample}`;

export function episodeStore({
  db,
  projectId,
  runId,
  taskId,
  clientId,
  jobId,
}: {
  db: DbOrTx;
  projectId: string;
  runId: string | null;
  taskId: string | null;
  clientId: string;
  jobId?: string | null;
}): EpisodeStore {
  let header: EpisodeHeader | null = null;
  let id: string | null = null;
  let replaced = false;
  const steps: AccountedStep[] = [];

  const record = (extra: Partial<TrajectoryRecord> = {}): TrajectoryRecord => {
    if (!header) throw new Error("the episode store was used before start");
    return {
      format: "atlas.trajectory/v1",
      id: clientId,
      task: { id: header.task.id, prompt: header.task.prompt, taskSet: header.task.taskSet },
      policy: header.policy,
      runId: runId ?? undefined,
      loadingStrategy: header.loadingStrategy,
      contextLimit: header.contextLimit,
      tokenizer: header.tokenizer,
      tools: header.tools.map((t) => ({ name: t.name, description: t.description ?? "", inputSchema: t.inputSchema })),
      initialTools: header.initialTools,
      steps,
      scores: [],
      metadata: header.metadata,
      ...extra,
    } as TrajectoryRecord;
  };
  const tokenizer = () => {
    const name = header?.tokenizer;
    return name === "qwen3" || name === "o200k_base" ? getTokenizer(name as TokenizerName) : undefined;
  };

  return {
    trajectoryId: () => id,
    replaced: () => replaced,

    async start(h) {
      header = h;
      // an earlier attempt's partial trajectory goes: the toolspace state it saw cannot be restored
      const gone = await db
        .delete(trajectories)
        .where(and(eq(trajectories.projectId, projectId), eq(trajectories.clientId, clientId)))
        .returning({ id: trajectories.id });
      replaced = gone.length > 0;
      const [row] = await db
        .insert(trajectories)
        .values({
          projectId,
          clientId,
          runId,
          taskId,
          taskRef: h.task.id,
          summary: h.task.prompt.slice(0, 300),
          policy: h.policy.name || h.policy.model,
          loadingStrategy: h.loadingStrategy,
          tokenizer: h.tokenizer,
          contextLimit: h.contextLimit,
          tools: record().tools,
          initialTools: h.initialTools,
          metadata: { ...h.metadata, ...(h.task.taskSet ? { taskSet: h.task.taskSet } : {}) },
          jobId: jobId ?? null,
        })
        .returning({ id: trajectories.id });
      id = row.id;
    },

    async step(step: TrajectoryStep, index: number) {
      if (!id) throw new Error("the episode store was used before start");
      // earlier steps carry their counts, so only the new step is tokenized
      const acc = accountTrajectory(record({ steps: [...steps, step] }), tokenizer());
      const s = acc.steps[acc.steps.length - 1];
      steps[index] = s;
      await db.insert(trajectorySteps).values(stepRow(id, s, index));
      await db
        .update(trajectories)
        .set({ stepCount: steps.length, peakContextTokens: acc.peakContextTokens })
        .where(eq(trajectories.id, id));
    },

    async storeFull(text: string, index: number) {
      const key = `episodes/${projectId}/${id ?? clientId.replace(/[^\w.-]/g, "_")}/step-${index}.txt`;
      const { bytes } = await getStorage().write(key, text);
      const [a] = await db
        .insert(artifacts)
        .values({
          projectId,
          jobId: jobId ?? null,
          kind: "tool-result",
          key,
          filename: `step-${index}-tool-result.txt`,
          contentType: "text/plain; charset=utf-8",
          bytes,
        })
        .returning({ id: artifacts.id });
      return `artifact:${a.id}`;
    },

    async end(end: EpisodeEnd) {
      if (!id) throw new Error("the episode store was used before start");
      const full = record({
        finalAnswer: end.finalAnswer,
        outcome: end.outcome,
        metadata: {
          ...header?.metadata,
          ...end.metadata,
          stopReason: end.stopReason,
          ...(end.error ? { error: end.error } : {}),
        },
      });
      const acc = accountTrajectory(full, tokenizer());
      await db.update(trajectories).set(derivedColumns(full, acc)).where(eq(trajectories.id, id));
    },
  };
}
