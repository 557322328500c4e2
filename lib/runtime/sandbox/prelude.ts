// What a program sees before its first line: `tools`, one bare identifier per tool, `console`.
// It runs inside QuickJS under the file name "prelude.js", so its stack frames never count as the
// user's lines. It talks to the host through two functions that it removes from globalThis:
// __call(name, argsJson) -> Promise<resultEnvelopeJson> and __out(text).

/** Words a tool cannot take as a bare identifier (reserved, or a global the program needs). */
const TAKEN = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if implements import in instanceof interface let new null package private protected public return " +
    "static super switch this throw true try typeof var void while with yield await async of arguments eval " +
    "undefined NaN Infinity globalThis tools console"
  ).split(" "),
);

/**
 * The bare identifier a tool is also callable by: every character outside [A-Za-z0-9_$] becomes
 * "_" ("weather.get" and "weather-get" → weather_get), a leading digit gets a "_" prefix. A name
 * whose identifier is reserved, shadows a global of the program (Math, JSON, Promise, ...) or is
 * shared by two loaded tools gets no bare identifier; `tools["exact name"]` always works.
 */
export function toolIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** Bare identifiers to define, by tool name; globals are checked again inside the sandbox. */
export function bareIdentifiers(names: string[]): Record<string, string> {
  const count = new Map<string, number>();
  for (const n of names) count.set(toolIdentifier(n), (count.get(toolIdentifier(n)) ?? 0) + 1);
  const out: Record<string, string> = {};
  for (const n of names) {
    const id = toolIdentifier(n);
    if (id !== "" && !TAKEN.has(id) && count.get(id) === 1) out[n] = id;
  }
  return out;
}

export function preludeSource(names: string[]): string {
  return `"use strict";
(() => {
  const call = globalThis.__call;
  const out = globalThis.__out;
  delete globalThis.__call;
  delete globalThis.__out;
  const names = ${JSON.stringify(names)};
  const bare = ${JSON.stringify(bareIdentifiers(names))};
  const tools = Object.create(null);
  for (const name of names) {
    const fn = async function (args) {
      // the caller's line: after the await QuickJS keeps no frames of the program
      const site = new Error().stack;
      const json = JSON.stringify(args === undefined ? {} : args) ?? "null";
      const res = JSON.parse(await call(name, json));
      if (res.ok) return res.value;
      const err = new Error(res.error);
      if (res.limit) err.name = "ToolCallLimitError";
      err.stack = site.split("\\n").slice(1).join("\\n");
      throw err;
    };
    Object.defineProperty(fn, "name", { value: name });
    tools[name] = fn;
    const id = bare[name];
    if (id !== undefined && !(id in globalThis)) {
      Object.defineProperty(globalThis, id, { value: fn, enumerable: false });
    }
  }
  Object.freeze(tools);
  Object.defineProperty(globalThis, "tools", { value: tools, enumerable: false });
  const show = (x) => {
    if (typeof x === "string") return x;
    if (x instanceof Error) return x.name + ": " + x.message;
    if (typeof x === "function") return "[Function " + (x.name || "anonymous") + "]";
    if (x === undefined) return "undefined";
    if (typeof x === "bigint") return x + "n";
    try {
      const s = JSON.stringify(x);
      return s === undefined ? String(x) : s;
    } catch {
      return String(x);
    }
  };
  const log = (...xs) => out(xs.map(show).join(" "));
  const c = { log, info: log, warn: log, error: log, debug: log };
  Object.defineProperty(globalThis, "console", { value: Object.freeze(c), enumerable: false });
  Object.defineProperty(globalThis, "__ser", {
    value: (v) => (v === undefined ? undefined : JSON.stringify(v)),
  });
})();
`;
}
