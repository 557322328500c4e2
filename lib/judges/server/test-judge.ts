// "Test" on the judges screen: one tiny judgment, one sample, no retries, so the person sees at
// once whether the endpoint (or model folder) answers, how fast, or why not.
import type { DbOrTx } from "@/db/client";
import { criterion } from "@/lib/rubrics/model";
import { trajectoryRecord } from "@/lib/trajectories/format";
import type { JudgeTestResult } from "../schemas";
import { createJudge } from "./create-judge";
import { getJudgeRow } from "./get-judge";

const probe = {
  criterion: criterion.parse({
    id: "probe",
    title: "The assistant's answer is correct",
    instruction: "The user asked a simple arithmetic question; check the answer.",
    weight: 1,
  }),
  trajectory: trajectoryRecord.parse({
    task: { prompt: "What is 2 + 2?" },
    steps: [{ message: { role: "user", content: "What is 2 + 2?" } }, { message: { role: "assistant", content: "4" } }],
    finalAnswer: "4",
  }),
};

export async function testJudge({
  db,
  projectId,
  judgeId,
}: {
  db: DbOrTx;
  projectId: string;
  judgeId: string;
}): Promise<JudgeTestResult> {
  const row = await getJudgeRow({ db, projectId, judgeId });
  const config = row.config as Record<string, unknown>;
  const once =
    row.kind === "model"
      ? { ...config, samples: 1, maxRetries: 0, timeoutMs: Math.min(Number(config.timeoutMs) || 30_000, 30_000) }
      : config;
  const judge = createJudge({ id: `test:${row.id}`, kind: row.kind, config: once });
  const v = await judge.judge({ ...probe, variables: {}, signal: AbortSignal.timeout(35_000) });
  return {
    ok: v.error === null,
    latencyMs: Math.round(v.latencyMs),
    raw: v.raw,
    rationale: v.rationale,
    error: v.error,
    promptTokens: v.promptTokens ?? null,
    completionTokens: v.completionTokens ?? null,
  };
}
