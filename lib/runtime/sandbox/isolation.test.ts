// A program cannot reach the file system, the network or the host process by any of the routes
// a model might try: globals, module imports (Node's and QuickJS's own std/os), the Function
// constructor reached through sandbox objects and tool functions, or data handed to a tool.
import { expect, it } from "vitest";
import { runProgram } from "./run-program";

const probe = async (expr: string) => {
  const r = await runProgram({
    code: `try { const v = await (async () => ${expr})(); return { ok: String(v) }; } catch (e) { return { threw: e.name }; }`,
    tools: { echo: async (a) => a },
  });
  if (!r.ok) throw new Error(r.error);
  return r.value as { ok?: string; threw?: string };
};

it.each([
  ["fs module", `import("fs")`],
  ["node:fs module", `import("node:fs")`],
  ["QuickJS std module (files)", `import("std")`],
  ["QuickJS os module (processes, files)", `import("os")`],
  ["node:child_process module", `import("node:child_process")`],
  ["node:net module", `import("node:net")`],
])("has no %s", async (_, expr) => {
  expect(await probe(expr)).toEqual({ threw: expect.stringMatching(/Error$/) });
});

it.each([
  ["fetch", "typeof fetch"],
  ["XMLHttpRequest", "typeof XMLHttpRequest"],
  ["WebSocket", "typeof WebSocket"],
  ["process", "typeof process"],
  ["require", "typeof require"],
  ["std", "typeof std"],
  ["os", "typeof os"],
  ["Deno or Bun", "typeof Deno + typeof Bun"],
  ["process through the Function constructor", `typeof Function("return this")().process`],
  ["process through a tool function's constructor", `typeof tools.echo.constructor("return this")().process`],
  ["process through an async function's constructor", `typeof (async () => {}).constructor("return this")().process`],
  ["require through globalThis", "typeof globalThis.require + typeof globalThis.module"],
])("has no %s", async (_, expr) => {
  const v = await probe(expr);
  expect(v.ok).toMatch(/^(undefined)+$/);
});

it("hands a tool plain data only, never a sandbox function or object to call back into", async () => {
  const seen: unknown[] = [];
  const r = await runProgram({
    code: `
      const args = { a: 1, f: () => 1, nested: { g() { return 2; }, d: new Date(0) } };
      return await tools.spy(args);`,
    tools: {
      spy: async (a) => {
        seen.push(a);
        return { ok: true };
      },
    },
  });
  expect(r).toMatchObject({ ok: true, value: { ok: true } });
  expect(seen).toEqual([{ a: 1, nested: { d: "1970-01-01T00:00:00.000Z" } }]);
  const [args] = seen as Record<string, unknown>[];
  expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
});
