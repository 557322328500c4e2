import { describe, expect, it } from "vitest";
import { bareIdentifiers, toolIdentifier } from "./prelude";
import { OUTPUT_CUT, runProgram, type ToolFn } from "./run-program";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("runProgram", () => {
  it("runs two tools in parallel with Promise.all and returns the value", async () => {
    const spans: Record<string, [number, number]> = {};
    const slow =
      (label: string): ToolFn =>
      async (args) => {
        const t0 = performance.now();
        await sleep(60);
        spans[label] = [t0, performance.now()];
        return { label, city: args.city, tempC: 21 };
      };
    const r = await runProgram({
      code: `
        const [a, b] = await Promise.all([
          tools["weather.get"]({ city: "Paris" }),
          weather_get_2({ city: "Oslo" }),
        ]);
        console.log("got", a.city, b.city);
        return { cities: [a.city, b.city], sum: a.tempC + b.tempC };`,
      tools: { "weather.get": slow("a"), "weather-get-2": slow("b") },
    });
    expect(r).toMatchObject({ ok: true, value: { cities: ["Paris", "Oslo"], sum: 42 }, output: "got Paris Oslo" });
    expect(r.toolCalls.map((c) => [c.name, c.args, c.ok])).toEqual([
      ["weather.get", { city: "Paris" }, true],
      ["weather-get-2", { city: "Oslo" }, true],
    ]);
    // each started before the other finished
    expect(spans.b[0]).toBeLessThan(spans.a[1]);
    expect(spans.a[0]).toBeLessThan(spans.b[1]);
  });

  it("surfaces a tool's error as a catchable Error with its message", async () => {
    const r = await runProgram({
      code: `try { await tools.lookup({ id: 7 }); return "no"; }
        catch (e) { return { caught: e instanceof Error, message: e.message }; }`,
      tools: {
        lookup: async () => {
          throw new Error("no record with id 7");
        },
      },
    });
    expect(r).toMatchObject({ ok: true, value: { caught: true, message: "no record with id 7" } });
    expect(r.toolCalls).toEqual([expect.objectContaining({ name: "lookup", ok: false, error: "no record with id 7" })]);
  });

  it("gives the user's line of an uncaught error, also of a failing tool call", async () => {
    const r = await runProgram({ code: "const a = 1;\nconst b = 2;\nreturn a + b + x;" });
    expect(r).toMatchObject({ ok: false, error: "ReferenceError: 'x' is not defined", line: 3 });
    expect(r).not.toHaveProperty("limit");

    const syntax = await runProgram({ code: "let a = 1;\nlet b = ;" });
    expect(syntax).toMatchObject({ ok: false, line: 2 });
    expect(syntax.ok ? "" : syntax.error).toMatch(/^SyntaxError/);

    const tool = await runProgram({
      code: "console.log('start');\n\nawait boom({});\nreturn 1;",
      tools: { boom: async () => Promise.reject(new Error("upstream 503")) },
    });
    expect(tool).toMatchObject({ ok: false, error: "Error: upstream 503", line: 3, output: "start" });
  });

  it("stops a busy loop at the time limit", async () => {
    const r = await runProgram({ code: "console.log('before');\nwhile (true) {}", limits: { timeMs: 200 } });
    expect(r).toMatchObject({ ok: false, limit: "time", output: "before" });
    expect(r.ms).toBeGreaterThanOrEqual(195);
    expect(r.ms).toBeLessThan(1000);
  });

  it("stops a program stuck on a tool that never answers by the host timeout", async () => {
    const r = await runProgram({
      code: "await tools.hang({});\nreturn 1;",
      tools: { hang: () => new Promise(() => {}) },
      limits: { timeMs: 150 },
    });
    expect(r).toMatchObject({ ok: false, limit: "time" });
    // timers may fire a fraction of a millisecond early by performance.now()
    expect(r.ms).toBeGreaterThanOrEqual(145);
    expect(r.ms).toBeLessThan(1000);
  });

  it("ends at once a program awaiting a promise nothing can settle", async () => {
    const r = await runProgram({ code: "await new Promise(() => {});", limits: { timeMs: 5000 } });
    expect(r).toMatchObject({ ok: false });
    expect(r.ms).toBeLessThan(1000);
  });

  it("stops a memory blow-up cleanly and the next run still works", async () => {
    const r = await runProgram({
      code: `let a = []; for (;;) a.push("x".repeat(1e6));`,
      limits: { memoryBytes: 32 * 1024 * 1024 },
    });
    expect(r).toMatchObject({ ok: false, limit: "memory" });
    for (let i = 0; i < 3; i++) {
      const next = await runProgram({ code: "return [1, 2, 3].map((x) => x * 2);", limits: { memoryBytes: 32 << 20 } });
      expect(next).toMatchObject({ ok: true, value: [2, 4, 6] });
    }
  });

  it("ends a run whose tool result does not fit its memory, and the next run still works", async () => {
    const limits = { memoryBytes: 32 * 1024 * 1024 };
    const r = await runProgram({
      code: "const s = await big({});\nreturn s.length;",
      tools: { big: async () => "x".repeat(40_000_000) },
      limits,
    });
    expect(r).toMatchObject({ ok: false, limit: "memory" });
    expect(await runProgram({ code: "return 1;", limits })).toMatchObject({ ok: true, value: 1 });
  });

  it("keeps concurrent runs apart", async () => {
    const echo: ToolFn = async (args) => {
      await sleep(20);
      return args;
    };
    const runs = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        runProgram({
          code: `globalThis.mine = ${i};\nconst r = await echo({ i: ${i} });\nconsole.log(mine);\nreturn r.i + mine;`,
          tools: { echo },
        }),
      ),
    );
    expect(runs.map((r) => [r.ok && r.value, r.output])).toEqual([0, 1, 2, 3, 4, 5].map((i) => [2 * i, String(i)]));
  });

  it("stops deep recursion at the stack limit and the next run still works", async () => {
    const r = await runProgram({ code: "function f(n) { return f(n + 1) + 1; }\nreturn f(0);" });
    expect(r).toMatchObject({ ok: false, limit: "stack" });
    expect((await runProgram({ code: "return 'fine';" })).ok).toBe(true);
  });

  it("throws inside the program on the call past the tool-call limit", async () => {
    let made = 0;
    const tools = {
      ping: async () => {
        made++;
        return "pong";
      },
    };
    const code = "for (let i = 0; i < 10; i++) await ping({ i });\nreturn 'done';";
    const r = await runProgram({ code, tools, limits: { maxToolCalls: 3 } });
    expect(r).toMatchObject({ ok: false, limit: "tool-calls", line: 1 });
    expect(r.ok ? "" : r.error).toMatch(/^ToolCallLimitError: tool call limit of 3/);
    expect(made).toBe(3);
    expect(r.toolCalls).toHaveLength(3);

    const caught = await runProgram({
      code: "let n = 0;\ntry { for (;;) { await ping({}); n++; } } catch (e) { return [n, e.name]; }",
      tools,
      limits: { maxToolCalls: 2 },
    });
    expect(caught).toMatchObject({ ok: true, value: [2, "ToolCallLimitError"] });
  });

  it("cuts the output at the character limit with a marker", async () => {
    const r = await runProgram({
      code: "for (let i = 0; i < 1000; i++) console.log('line ' + i, { i });\nreturn 'ok';",
      limits: { maxOutputChars: 100 },
    });
    expect(r.ok).toBe(true);
    expect(r.output.endsWith(OUTPUT_CUT)).toBe(true);
    expect(r.output.length).toBe(100 + OUTPUT_CUT.length);
    expect(r.output.startsWith('line 0 {"i":0}\nline 1 {"i":1}\n')).toBe(true);
  });

  it("exposes nothing of the host", async () => {
    const r = await runProgram({
      code: `
        const probes = {};
        probes.require = typeof require;
        probes.process = typeof process;
        probes.fetch = typeof fetch;
        probes.fs = typeof globalThis.fs;
        probes.setTimeout = typeof setTimeout;
        probes.fnThis = typeof Function("return this")().process;
        try { await import("fs"); probes.import = "loaded"; } catch (e) { probes.import = e.name; }
        globalThis.hostMarker = "changed";
        return probes;`,
    });
    expect(r).toMatchObject({
      ok: true,
      value: {
        require: "undefined",
        process: "undefined",
        fetch: "undefined",
        fs: "undefined",
        setTimeout: "undefined",
        fnThis: "undefined",
        import: "ReferenceError",
      },
    });
    expect((globalThis as Record<string, unknown>).hostMarker).toBeUndefined();
    // nor does one run leak into the next
    const next = await runProgram({ code: "return typeof hostMarker;" });
    expect(next).toMatchObject({ ok: true, value: "undefined" });
  });

  it("maps tool names to bare identifiers only where unambiguous", () => {
    expect(toolIdentifier("weather.get")).toBe("weather_get");
    expect(toolIdentifier("github-search/issues")).toBe("github_search_issues");
    expect(toolIdentifier("3d_render")).toBe("_3d_render");
    expect(bareIdentifiers(["a.b", "a-b", "delete", "console", "ok"])).toEqual({ ok: "ok" });
  });
});
