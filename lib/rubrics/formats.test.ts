import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMcpAtlasCsv } from "@/lib/imports/formats/mcp-atlas";
import { aggregate } from "./aggregate";
import { rubricFromClaims, rubricFromList, rubricFromTau2 } from "./formats";
import { criterion } from "./model";
import { runCheck } from "./program-checks";

const read = (f: string) => fs.readFileSync(`db/seed/data/${f}`, "utf8");

describe("rubric formats", () => {
  it("turns every MCP-Atlas task's claims into ternary criteria that pass at coverage 0.75", () => {
    const tasks = parseMcpAtlasCsv(read("sample_tasks.csv"));
    for (const t of tasks) {
      const r = rubricFromClaims(t.claims);
      expect(r.criteria).toHaveLength(t.claims.length);
      for (const c of r.criteria) expect(criterion.safeParse(c).success).toBe(true);
    }
    const r = rubricFromClaims(tasks[0].claims);
    const scores = Object.fromEntries(r.criteria.map((c) => [c.id, 1]));
    expect(aggregate(r.criteria, r.aggregation, scores)).toMatchObject({ reward: 1, passed: true });
  });

  it("turns tau2 gold actions into program checks and assertions into judged criteria, all essential", () => {
    const tasks = JSON.parse(read("tasks.json")) as { id: string; evaluation_criteria: unknown }[];
    const drafts = tasks.map((t) => rubricFromTau2(t.evaluation_criteria));
    for (const d of drafts) for (const c of d.criteria) expect(criterion.safeParse(c).success, c.id).toBe(true);
    const task1 = drafts[tasks.findIndex((t) => t.id === "1")];
    const action = task1.criteria.find((c) => c.id === "action-1_0");
    expect(action?.verifier).toEqual({
      kind: "program",
      check: {
        check: "tool-arguments",
        tool: "get_user_details",
        match: "subset",
        value: { user_id: "raj_sanchez_7340" },
      },
    });
    expect(task1.criteria.some((c) => c.verifier.kind === "model" && c.instruction.includes("not approve"))).toBe(true);
    // the program check scores a trajectory that makes the gold call
    const check = action?.verifier.kind === "program" ? action.verifier.check : null;
    const episode = {
      steps: [
        {
          message: {
            role: "assistant" as const,
            content: null,
            tool_calls: [
              {
                id: "c",
                type: "function" as const,
                function: { name: "get_user_details", arguments: '{"user_id":"raj_sanchez_7340"}' },
              },
            ],
          },
        },
      ],
    };
    expect(check && runCheck(check, episode).score).toBe(1);
  });

  it("reads [{title, description, weight}] lists, negative weights as pitfalls, and names a bad item", () => {
    const r = rubricFromList([
      { title: "Answers the question", description: "The final answer is correct", weight: 3 },
      { title: "Invents data", weight: -1 },
    ]);
    expect(r.criteria.map((c) => [c.id, c.category, c.weight])).toEqual([
      ["item-1", "", 3],
      ["item-2", "Pitfall", -1],
    ]);
    expect(() => rubricFromList([{ description: "no title", weight: 1 }])).toThrow(/title/);
  });
});
