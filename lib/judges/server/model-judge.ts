// A judge behind an OpenAI-compatible chat endpoint (vLLM, SGLang, Ollama, llama.cpp server, OpenAI).
// Each sample is its own request (not every server supports `n`), all through the judge's limiter.
import { answerJsonSchema, combineSamples, type ParsedAnswer, parseAnswer } from "../answer";
import { buildMessages } from "../prompt";
import type { ModelJudgeConfig } from "../schemas";
import { completeChat } from "./chat-client";
import { judgeKey } from "./judge-key";
import { createLimiter } from "./limiter";
import type { CriterionJudge, JudgeRequest, JudgeVerdict } from "./types";

export type ModelJudgeOptions = { backoffBaseMs?: number };

function responseFormatOf(c: ModelJudgeConfig) {
  if (c.responseFormat === "json_schema")
    return { type: "json_schema", json_schema: { name: "judgment", strict: true, schema: answerJsonSchema } };
  if (c.responseFormat === "json_object") return { type: "json_object" };
  return undefined;
}

export function createModelJudge(config: ModelJudgeConfig, opts: ModelJudgeOptions = {}): CriterionJudge {
  const limiter = createLimiter(config.concurrency);
  const responseFormat = responseFormatOf(config);
  return {
    key: judgeKey("model", config),
    async judge(req: JudgeRequest): Promise<JudgeVerdict> {
      const started = performance.now();
      const messages = buildMessages({
        criterion: req.criterion,
        trajectory: req.trajectory,
        variables: req.variables,
        maxOutputChars: config.maxOutputChars,
        template: config.promptTemplate,
      });
      const stepCount = req.trajectory.steps.length;
      const outcomes = await Promise.all(
        Array.from({ length: config.samples }, () =>
          completeChat(
            { ...config, limiter, responseFormat, backoffBaseMs: opts.backoffBaseMs, signal: req.signal },
            messages,
            (text) => parseAnswer(text, req.criterion.scale, stepCount),
          ),
        ),
      );
      const promptTokens = outcomes.reduce((s, o) => s + o.promptTokens, 0);
      const completionTokens = outcomes.reduce((s, o) => s + o.completionTokens, 0);
      const good = outcomes.map((o) => o.value).filter((v): v is ParsedAnswer => v !== null);
      const samples =
        config.samples > 1
          ? outcomes.map((o) => ({ raw: o.value?.raw ?? null, rationale: o.value?.rationale ?? null, error: o.error }))
          : undefined;
      const latencyMs = performance.now() - started;
      if (good.length === 0)
        return {
          raw: null,
          error: outcomes[0].error ?? "the judge gave no answer",
          rationale: null,
          evidence: [],
          samples,
          latencyMs,
          promptTokens,
          completionTokens,
        };
      const combined = combineSamples(good, config.combine);
      return { ...combined, error: null, samples, latencyMs, promptTokens, completionTokens };
    },
  };
}
