// What every judge of a non-program criterion implements: the judging engine
// (lib/judging/server) calls it once per (criterion, trajectory) and caches the verdict.
import type { Criterion } from "@/lib/rubrics/model";
import type { TrajectoryRecord } from "@/lib/trajectories/format";

/** Values a rubric template may use in instructions: {{task.prompt}}, {{task.reference}}, {{task.claims}}. */
export type TemplateVariables = {
  taskPrompt?: string | null;
  referenceAnswer?: string | null;
  claims?: string[] | null;
};

export type JudgeRequest = {
  criterion: Criterion;
  trajectory: TrajectoryRecord;
  variables: TemplateVariables;
  signal?: AbortSignal;
};

export type JudgeVerdict = {
  /** the judge's answer on the criterion's scale (e.g. 7 on 1-10 bands); null when it failed */
  raw: number | null;
  /** a failed judgment is an error, never a zero */
  error: string | null;
  rationale: string | null;
  /** step indexes the verdict relied on */
  evidence: number[];
  /** per-sample answers when the judge samples more than once */
  samples?: { raw: number | null; rationale: string | null; error: string | null }[];
  latencyMs: number;
  promptTokens?: number;
  completionTokens?: number;
};

export interface CriterionJudge {
  /** sha256 of the configuration without secrets: part of the judging cache key */
  readonly key: string;
  judge(request: JudgeRequest): Promise<JudgeVerdict>;
  close?(): Promise<void>;
}
