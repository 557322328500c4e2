import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { mcpAtlasTrajectories } from "@/lib/imports/formats/mcp-atlas";
import { trajectoryInput } from "@/lib/trajectories/format";
import { isSubset, type ProgramCheck, programCheck, runCheck } from "./program-checks";
import { rubricVersionInput } from "./schemas";

const episode = trajectoryInput.parse({
  initialTools: ["weather_get", "maps_route", "search_tools"],
  messages: [
    { role: "user", content: "Weather in Paris, then a route to Lyon?" },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "c1", type: "function", function: { name: "weather_get", arguments: '{"city":"Paris","units":"C"}' } },
      ],
    },
    { role: "tool", tool_call_id: "c1", content: "18 C" },
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "c2", type: "function", function: { name: "maps_route", arguments: '{"to":"Lyon"}' } }],
    },
    { role: "tool", tool_call_id: "c2", content: "server not reachable" },
    { role: "assistant", content: "It is 18 C; the route is 1,234.5 km." },
  ],
});
episode.steps[4].error = "server not reachable";
episode.steps[5].context = { system: 0, toolSchemas: 300, history: 40, toolOutputs: 10 };

const check = (c: unknown) => runCheck(programCheck.parse(c) as ProgramCheck, episode);

describe("program checks", () => {
  it("count tool calls within bounds, with the calls as evidence", () => {
    expect(check({ check: "tool-called", tool: "weather_get" })).toMatchObject({ score: 1, evidence: [1] });
    expect(check({ check: "tool-called", tool: "weather_get", min: 2 }).score).toBe(0);
    expect(check({ check: "tool-called", tool: "weather_get", min: 0, max: 0 }).score).toBe(0);
  });

  it("count the calls a run_program made as tool calls, at the step of the program's result", () => {
    const ptc = trajectoryInput.parse({
      messages: [
        { role: "user", content: "Distance Paris to Lyon in miles?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "p1", type: "function", function: { name: "run_program", arguments: '{"code":"..."}' } }],
        },
        {
          role: "tool",
          tool_call_id: "p1",
          content: "program finished (2 tool calls)",
          program_calls: [
            { name: "distance_between", arguments: '{"from":"Paris","to":"Lyon"}', ok: true },
            { name: "convert_units", arguments: '{"value":392,"from":"km","to":"mi"}', ok: true },
          ],
        },
        { role: "assistant", content: "About 244 miles." },
      ],
    });
    const run = (c: unknown) => runCheck(programCheck.parse(c) as ProgramCheck, ptc);
    expect(run({ check: "tool-called", tool: "convert_units" })).toMatchObject({ score: 1, evidence: [2] });
    expect(
      run({ check: "tool-arguments", tool: "distance_between", match: "subset", value: { to: "Lyon" } }).score,
    ).toBe(1);
    expect(run({ check: "tool-order", tools: ["distance_between", "convert_units"] }).score).toBe(1);
    expect(run({ check: "tool-order", tools: ["convert_units", "distance_between"] }).score).toBe(0);
  });

  it("match arguments by equality, JSON subset or regex", () => {
    expect(
      check({ check: "tool-arguments", tool: "weather_get", match: "subset", value: { city: "Paris" } }).score,
    ).toBe(1);
    expect(
      check({ check: "tool-arguments", tool: "weather_get", match: "equals", value: { city: "Paris" } }).score,
    ).toBe(0);
    expect(
      check({ check: "tool-arguments", tool: "weather_get", match: "equals", value: { units: "C", city: "Paris" } })
        .score,
    ).toBe(1);
    expect(check({ check: "tool-arguments", tool: "maps_route", match: "regex", value: "Ly.n" }).score).toBe(1);
    expect(isSubset({ a: [1] }, { a: [1, 2], b: 3 })).toBe(true);
    expect(isSubset({ a: [2] }, { a: [1, 2] })).toBe(false);
  });

  it("check the order of calls and the final answer", () => {
    expect(check({ check: "tool-order", tools: ["weather_get", "maps_route"] })).toMatchObject({
      score: 1,
      evidence: [1, 3],
    });
    expect(check({ check: "tool-order", tools: ["maps_route", "weather_get"] }).score).toBe(0);
    expect(check({ check: "final-answer-contains", text: "18 c" }).score).toBe(1);
    expect(check({ check: "final-answer-contains", text: "18 c", caseSensitive: true }).score).toBe(0);
    expect(check({ check: "final-answer-regex", pattern: "\\d+ km" }).score).toBe(1);
    expect(check({ check: "final-answer-number", value: 1234, tolerance: 1 }).score).toBe(1);
    expect(check({ check: "final-answer-number", value: 1200, tolerance: 1 }).score).toBe(0);
  });

  it("limit errors, turns, context and unused tools", () => {
    expect(check({ check: "no-tool-errors" })).toMatchObject({ score: 0, evidence: [4] });
    expect(check({ check: "max-turns", max: 3 }).score).toBe(1);
    expect(check({ check: "max-turns", max: 2 }).score).toBe(0);
    expect(check({ check: "max-context-tokens", max: 349 })).toMatchObject({ score: 0, evidence: [5] });
    expect(check({ check: "max-unused-tools", max: 0 }).score).toBe(0);
    expect(check({ check: "max-unused-tools", max: 1 }).score).toBe(1);
  });

  it("refuse a regular expression that does not compile, naming the field", () => {
    const bad = programCheck.safeParse({ check: "final-answer-regex", pattern: "([" });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ["pattern"],
      message: "this regular expression does not compile",
    });
  });

  it("match the final answer's JSON against a JSON Schema", () => {
    const withAnswer = (text: string) => ({ ...episode, finalAnswer: text });
    const schema = {
      type: "object",
      required: ["city", "km"],
      properties: { city: { type: "string" }, km: { type: "number", minimum: 0 } },
    };
    const c = programCheck.parse({ check: "final-answer-json-schema", schema }) as ProgramCheck;
    expect(runCheck(c, withAnswer('{"city":"Lyon","km":465}'))).toMatchObject({ score: 1, evidence: [5] });
    expect(runCheck(c, withAnswer('Here it is:\n```json\n{"city":"Lyon","km":465}\n```')).score).toBe(1);
    expect(runCheck(c, withAnswer('The route: {"city":"Lyon","km":465} as asked')).score).toBe(1);
    const wrong = runCheck(c, withAnswer('{"city":"Lyon","km":-1}'));
    expect(wrong.score).toBe(0);
    expect(wrong.detail).toContain("/km");
    expect(runCheck(c, withAnswer('{"city":"Lyon"}')).score).toBe(0);
    expect(runCheck(c, withAnswer("no JSON here")).detail).toBe("the final answer holds no JSON");
    const number = programCheck.parse({ check: "final-answer-json-schema", schema: { type: "number", minimum: 40 } });
    expect(runCheck(number as ProgramCheck, withAnswer(" 42 ")).score).toBe(1);
    expect(runCheck(number as ProgramCheck, withAnswer("true")).score).toBe(0);
    // the episode's own answer is prose
    expect(runCheck(c, episode).score).toBe(0);
  });

  it("refuse a JSON Schema that does not compile, and a regex over arguments that does not, naming the field", () => {
    const bad = programCheck.safeParse({ check: "final-answer-json-schema", schema: { type: "objekt" } });
    expect(bad.error?.issues[0].path).toEqual(["schema"]);
    expect(bad.error?.issues[0].message).toMatch(/^this JSON Schema does not compile/);
    expect(
      programCheck.safeParse({ check: "final-answer-json-schema", schema: "object" }).error?.issues[0].path,
    ).toEqual(["schema"]);
    const args = programCheck.safeParse({ check: "tool-arguments", tool: "maps_route", match: "regex", value: "(" });
    expect(args.error?.issues[0]).toMatchObject({
      path: ["value"],
      message: "this regular expression does not compile",
    });
    expect(
      programCheck.safeParse({ check: "tool-arguments", tool: "maps_route", match: "regex", value: { to: 1 } }).error
        ?.issues[0].path,
    ).toEqual(["value"]);
    // equality and subset take any JSON value
    expect(
      programCheck.safeParse({ check: "tool-arguments", tool: "t", match: "subset", value: { to: "(" } }).success,
    ).toBe(true);
  });

  it("name the field of a bad regex inside a rubric version, for the editor", () => {
    const bad = rubricVersionInput.safeParse({
      criteria: [
        { id: "ok", title: "Answer", weight: 1, verifier: { kind: "program", check: { check: "no-tool-errors" } } },
        {
          id: "re",
          title: "Pattern",
          weight: 1,
          verifier: { kind: "program", check: { check: "final-answer-regex", pattern: "a[" } },
        },
      ],
      aggregation: { rule: "weighted-mean" },
    });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["criteria.1.verifier.check.pattern"]);
  });

  it("score the real MCP-Atlas reference trajectories", () => {
    const csv = fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8");
    const refs = mcpAtlasTrajectories(csv).map((r) => trajectoryInput.parse(r));
    const first = refs[0];
    expect(runCheck({ check: "tool-called", tool: "wikipedia_get_article", min: 1 }, first).score).toBe(1);
    expect(runCheck({ check: "no-tool-errors" }, first).score).toBe(1);
    // every reference leaves some of its 13-20 enabled tools unused
    expect(refs.every((r) => runCheck({ check: "max-unused-tools", max: 5 }, r).score === 0)).toBe(true);
  });
});
