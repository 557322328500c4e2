// Every offline task is solvable as written: its reference solution runs without a tool error
// on servers in their fresh state (only the ones the task names), the facts of its reference answer appear in
// what the tools answered, its reference tools cover the solution, and its checks are valid
// rubric criteria.
import { describe, expect, it } from "vitest";
import { aggregate } from "@/lib/rubrics/aggregate";
import { type CheckedTrajectory, runCheck } from "@/lib/rubrics/program-checks";
import { rubricInput } from "@/lib/rubrics/schemas";
import { bundledSnapshot } from "../servers/snapshot";
import {
  changedServers,
  changesState,
  type OfflineTask,
  playSolution,
  readOfflineTasks,
  type SolutionStep,
  STATEFUL_TOOLS,
  startServers,
} from "./offline-tasks";
import { taskRubric } from "./task-rubric";

const file = readOfflineTasks();
const { tasks } = file;

/**
 * Each task sees fresh servers: the ones its solution changes start anew for it (a few tasks at
 * a time: a server start costs about a second of CPU), and the ones it only reads are shared by
 * all tasks, since no call to a shared server changes what the next one sees.
 */
async function runAll(list: OfflineTask[], width: number) {
  const out = new Map<string, SolutionStep[]>();
  const readOnly = (t: OfflineTask) => t.servers.filter((s) => !changedServers(t).includes(s));
  const shared = await startServers([...new Set(list.flatMap(readOnly))]);
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < list.length) {
          const task = list[next++];
          const fresh = await startServers(changedServers(task));
          try {
            const handles = new Map([...shared.handles, ...fresh.handles]);
            const dir = fresh.handles.has("filesystem") ? fresh.dir : shared.dir;
            out.set(task.id, await playSolution(task, { dir, handles, close: async () => {} }));
          } finally {
            await fresh.close();
          }
        }
      }),
    );
  } finally {
    await shared.close();
  }
  return out;
}

describe("offline tasks", () => {
  it("is a set of at least 30 tasks with unique ids, most needing two or more servers", () => {
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(tasks.filter((t) => t.servers.length >= 2).length).toBeGreaterThanOrEqual(15);
    expect(tasks.filter((t) => t.servers.length >= 3).length).toBeGreaterThanOrEqual(5);
  });

  it("names only tools the bundled toolspace has, and servers that match them", () => {
    const known = new Set(bundledSnapshot.flatMap((s) => s.tools.map((t) => `${s.server}.${t.name}`)));
    const shown = new Set(bundledSnapshot.flatMap((s) => s.tools.map((t) => t.name)));
    for (const t of tasks) {
      const solved = new Set(t.solution.map((s) => s.tool));
      for (const tool of solved) expect(t.referenceTools, `${t.id} referenceTools`).toContain(tool);
      for (const tool of t.referenceTools) expect(known.has(tool), `${t.id}: ${tool}`).toBe(true);
      expect([...t.servers].sort(), t.id).toEqual([...new Set(t.referenceTools.map((n) => n.split(".")[0]))].sort());
      // checks name tools as the model sees them: bare, since no two bundled servers share a name
      for (const c of t.checks) if ("tool" in c) expect(shown.has(c.tool), `${t.id} check names ${c.tool}`).toBe(true);
    }
  });

  it("changes state in every state-change task, through tools known to change it", () => {
    for (const t of tasks.filter((x) => x.category === "state-change")) expect(changesState(t), t.id).toBe(true);
    const known = new Set(bundledSnapshot.flatMap((s) => s.tools.map((t) => `${s.server}.${t.name}`)));
    for (const tool of STATEFUL_TOOLS) expect(known.has(tool), tool).toBe(true);
  });

  it("has checks and claims that make a valid rubric", () => {
    for (const t of tasks) {
      const parsed = rubricInput.safeParse(taskRubric(t));
      expect(parsed.error?.issues, t.id).toBeUndefined();
      expect(parsed.data?.version.criteria.filter((c) => c.verifier.kind === "model")).toHaveLength(t.claims.length);
    }
  });

  it("passes its own program checks when answered with the reference solution and answer", () => {
    for (const t of tasks) {
      // the trajectory an oracle would leave: one call per assistant turn, then the reference answer
      const steps: CheckedTrajectory["steps"] = t.solution.flatMap((call, i) => [
        {
          message: {
            role: "assistant" as const,
            content: null,
            tool_calls: [
              {
                id: `c${i}`,
                type: "function" as const,
                function: { name: call.tool.split(".")[1], arguments: JSON.stringify(call.args) },
              },
            ],
          },
        },
        { message: { role: "tool" as const, tool_call_id: `c${i}`, content: "ok" } },
      ]);
      steps.push({ message: { role: "assistant", content: t.referenceAnswer } });
      const rubric = rubricInput.parse(taskRubric(t)).version;
      const scores: Record<string, number | null> = {};
      for (const c of rubric.criteria) {
        if (c.verifier.kind !== "program") continue;
        const r = runCheck(c.verifier.check, { steps });
        expect(r.score, `${t.id} ${c.title}: ${r.detail}`).toBe(1);
        scores[c.id] = r.score;
      }
      // no judge: the claims are left out, and the checks alone give the reward and the pass
      const out = aggregate(rubric.criteria, rubric.aggregation, scores);
      expect(out.notJudged, t.id).toEqual(t.claims.map((_, i) => `claim-${i + 1}`));
      expect(out.reward, t.id).toBe(1);
      expect(out.passed, t.id).toBe(true);
    }
  });

  it("solves every task with its reference solution on fresh servers", { timeout: 120_000 }, async () => {
    const results = await runAll(tasks, 4);
    for (const t of tasks) {
      const steps = results.get(t.id) ?? [];
      expect(steps.length, t.id).toBe(t.solution.length);
      for (const s of steps) expect(s.isError, `${t.id} ${s.tool}: ${s.text}`).toBe(false);
      const seen = steps.map((s) => s.text).join("\n");
      for (const fact of t.facts) expect(seen, `${t.id} fact ${fact}`).toContain(fact);
    }
  });
});
