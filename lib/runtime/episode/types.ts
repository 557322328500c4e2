// The contract between the agent loop (run-episode.ts) and whoever stores and schedules episodes
// (benchmark runs, tests, the CLI). Plain data in, steps out through a sink, nothing about the database.

import type { Outcome, TrajectoryStep } from "@/lib/trajectories/format";
import type { ServerConfig } from "../mcp/schemas";
import type { EmbeddingSearchConfig } from "../retrieval/server/embedding-search";
import type { ToolDefinition } from "../strategies/meta-tools";
import type { Strategy } from "../strategies/prompts";

/** An OpenAI-compatible chat endpoint with tool calling. */
export type PolicyConfig = {
  name: string;
  baseUrl: string;
  model: string;
  /** sent as a bearer token; never stored in a trajectory */
  apiKey?: string | null;
  temperature: number;
  maxTokens: number;
  /** the model's context window in tokens */
  contextWindow: number;
  /** what counts context tokens: Qwen3's own tokenizer, or o200k_base as an approximation */
  tokenizer: "qwen3" | "o200k_base";
  /** per request; a slower answer is an error step */
  timeoutMs: number;
};

/** One server of the toolspace as the episode sees it: how to start it and the tools it had when snapshotted. */
export type EpisodeServer = {
  name: string;
  description: string;
  /**
   * stdio or http to connect; offline for a catalogue imported from a file (its tools count for
   * context and retrieval; calling one answers "server not reachable"). In stdio args and env values,
   * `${EPISODE_DIR}` stands for the episode's own empty folder, and relative paths in args are
   * resolved from the studio's working directory.
   */
  connection: ServerConfig | { transport: "offline" };
  tools: ToolDefinition[];
};

export type EpisodeLimits = {
  maxTurns: number;
  maxToolCalls: number;
  /** tokens; checked before each model request (see docs/agent-runtime.md for what happens at the limit) */
  contextBudget: number;
  toolTimeoutMs: number;
  /** a tool result longer than this (tokens) is cut for the model; the full text goes to the sink */
  maxToolResultTokens: number;
};

export const DEFAULT_EPISODE_LIMITS: EpisodeLimits = {
  maxTurns: 30,
  maxToolCalls: 60,
  contextBudget: 32_000,
  toolTimeoutMs: 30_000,
  maxToolResultTokens: 4_000,
};

export type EpisodeSpec = {
  task: { id: string; prompt: string; taskSet?: string };
  policy: PolicyConfig;
  strategy: Strategy;
  /** the strategy prompt template; the built-in default when left out */
  promptTemplate?: string;
  servers: EpisodeServer[];
  /** tools in context from the first step (besides eager, which loads everything) */
  initialTools?: string[];
  limits: EpisodeLimits;
  /** how search_tools ranks: BM25 when left out, or a sentence-embedding model folder */
  retrieval?: { kind: "bm25" } | ({ kind: "embedding" } & EmbeddingSearchConfig);
  /** the episode's own folder (created empty by the caller; the caller removes it) */
  episodeDir: string;
  runId?: string;
  /** the trajectory's client id: the same id again replaces nothing (ingest is idempotent by id) */
  clientId?: string;
  metadata?: Record<string, unknown>;
};

/** What the sink learns before the first step: everything of the trajectory but its steps and end. */
export type EpisodeHeader = {
  clientId?: string;
  task: EpisodeSpec["task"];
  policy: { name: string; model: string };
  runId?: string;
  loadingStrategy: string;
  contextLimit: number;
  tokenizer: string;
  tools: ToolDefinition[];
  initialTools: string[];
  metadata: Record<string, unknown>;
};

export type EpisodeEnd = {
  outcome: Outcome;
  finalAnswer?: string;
  /** why it ended: "answered", "max-turns", "max-tool-calls", "context-budget", "policy-error", "cancelled" */
  stopReason: string;
  error?: string;
  metadata: Record<string, unknown>;
};

/**
 * Where an episode goes as it happens. `step` is awaited before the next model request, so a crash
 * loses at most the step in flight. `storeFull` keeps a tool result that was cut for the model and
 * answers a reference the cut marker names.
 */
export type EpisodeSink = {
  start(header: EpisodeHeader): Promise<void>;
  step(step: TrajectoryStep, index: number): Promise<void>;
  storeFull(text: string, index: number): Promise<string>;
  end(end: EpisodeEnd): Promise<void>;
};

export type EpisodeResult = EpisodeEnd & { steps: number; toolCalls: number; durationMs: number };
