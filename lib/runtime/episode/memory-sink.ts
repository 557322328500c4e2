// An episode sink that keeps everything in memory and can build the trajectory record: for
// tests, benches and a dry run that stores nothing.
import { randomUUID } from "node:crypto";
import type { TrajectoryInput, TrajectoryStep } from "@/lib/trajectories/format";
import type { EpisodeEnd, EpisodeHeader, EpisodeSink } from "./types";

export type MemorySink = EpisodeSink & {
  header: EpisodeHeader | null;
  steps: TrajectoryStep[];
  /** full tool results that were cut for the model, by reference */
  full: Map<string, { text: string; index: number }>;
  ended: EpisodeEnd | null;
  /** the canonical trajectory of the episode so far */
  record(): TrajectoryInput;
};

export function memorySink(): MemorySink {
  const sink: MemorySink = {
    header: null,
    steps: [],
    full: new Map(),
    ended: null,
    async start(header) {
      sink.header = header;
    },
    async step(step, index) {
      if (index !== sink.steps.length) throw new Error(`step ${index} arrived after ${sink.steps.length} steps`);
      sink.steps.push(step);
    },
    async storeFull(text, index) {
      const ref = `memory:${randomUUID()}`;
      sink.full.set(ref, { text, index });
      return ref;
    },
    async end(end) {
      sink.ended = end;
    },
    record() {
      const h = sink.header;
      if (!h) throw new Error("the episode has not started");
      return {
        id: h.clientId,
        task: h.task,
        policy: h.policy,
        runId: h.runId,
        loadingStrategy: h.loadingStrategy,
        contextLimit: h.contextLimit,
        tokenizer: h.tokenizer,
        tools: h.tools,
        initialTools: h.initialTools,
        steps: sink.steps,
        finalAnswer: sink.ended?.finalAnswer,
        outcome: sink.ended?.outcome,
        metadata: { ...h.metadata, ...sink.ended?.metadata },
      };
    },
  };
  return sink;
}
