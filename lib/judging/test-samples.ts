// Episodes, rubrics and a judge for the judging tests and benches. The judge speaks to nothing:
// it answers from the trajectory and counts its calls, so tests can see what the cache saved.
import type { DbOrTx } from "@/db/client";
import type { CriterionJudge, JudgeRequest, JudgeVerdict } from "@/lib/judges/server/types";
import type { RubricVersionInput } from "@/lib/rubrics/schemas";
import { createRubric } from "@/lib/rubrics/server/save-rubric";
import { ingestTrajectories, validateRecords } from "@/lib/trajectories/server/ingest-trajectories";

/** One weather lookup and an answer; `broken` makes the tool fail. */
export const weatherEpisode = (n: number, { broken = false }: { broken?: boolean } = {}) => ({
  id: `weather-${n}${broken ? "-broken" : ""}`,
  task: { id: `weather-task-${n % 3}`, prompt: `What is the weather in city ${n}?` },
  initialTools: ["weather_get", "maps_route"],
  messages: [
    { role: "user", content: `What is the weather in city ${n}?` },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: `c${n}`, type: "function", function: { name: "weather_get", arguments: `{"city":"city ${n}"}` } },
      ],
    },
    { role: "tool", tool_call_id: `c${n}`, content: broken ? "server not reachable" : `${10 + n} C, clear` },
    { role: "assistant", content: broken ? "I could not find out." : `It is ${10 + n} C.` },
  ],
});

export const programCriteria: RubricVersionInput["criteria"] = [
  {
    id: "called",
    title: "Looks the weather up",
    weight: 1,
    verifier: { kind: "program", check: { check: "tool-called", tool: "weather_get" } },
  },
  {
    id: "answer",
    title: "Answers with a temperature",
    weight: 2,
    verifier: { kind: "program", check: { check: "final-answer-regex", pattern: "\\d+ C" } },
  },
  {
    id: "one-call",
    title: "At most two turns",
    weight: 1,
    verifier: { kind: "program", check: { check: "max-turns", max: 2 } },
  },
];

export const modelCriterion: RubricVersionInput["criteria"][number] = {
  id: "helpful",
  title: "Helpful",
  instruction: "Is the answer helpful for {{task.prompt}}?",
  weight: 1,
  verifier: { kind: "model" },
};

export async function makeRubric(
  db: DbOrTx,
  projectId: string,
  criteria: RubricVersionInput["criteria"],
  aggregation: RubricVersionInput["aggregation"] = { rule: "weighted-mean" },
) {
  const { version } = await createRubric({
    db,
    projectId,
    userId: null,
    input: { name: `rubric ${criteria.map((c) => c.id).join(" ")}`, version: { criteria, aggregation } },
  });
  return version;
}

/** Stores episodes as ingest does; ids in the order given. */
export async function storeEpisodes(db: DbOrTx, projectId: string, raw: unknown[]) {
  const results = await ingestTrajectories({ db, projectId, items: validateRecords(raw) });
  return results.map((r) => {
    if (r.status === "invalid") throw new Error(JSON.stringify(r.errors));
    return r.id;
  });
}

/** Answers 1 when the final answer names a temperature; `fail` makes chosen calls fail. */
export function countingJudge(
  key = "sha256:test-judge",
  fail: (req: JudgeRequest) => boolean = () => false,
): CriterionJudge & { calls: number; seen: JudgeRequest[] } {
  const judge = {
    key,
    calls: 0,
    seen: [] as JudgeRequest[],
    async judge(req: JudgeRequest): Promise<JudgeVerdict> {
      judge.calls++;
      judge.seen.push(req);
      if (fail(req)) return { raw: null, error: "the judge answered 500", rationale: null, evidence: [], latencyMs: 1 };
      const last = req.trajectory.steps.length - 1;
      const text = JSON.stringify(req.trajectory.steps[last].message.content);
      const ok = /\d+ C/.test(text);
      return {
        raw: ok ? 1 : 0,
        error: null,
        rationale: ok ? "names a temperature" : "no temperature",
        evidence: [last],
        latencyMs: 2,
      };
    },
  };
  return judge;
}
