// run_program(code): programmatic tool calling in a QuickJS sandbox (sync release build).
//
// Contract for the program:
// - `code` is the body of an async function: it may `await`, and its `return` value is the
//   result (`value`, as JSON: JSON.parse(JSON.stringify(returned)); undefined when nothing is
//   returned). A trailing expression without `return` is not the result.
// - Each loaded tool is `tools["name"](args)` → Promise of its JSON result, and also a bare
//   identifier (see toolIdentifier: "weather.get" / "weather-get" → weather_get) unless that
//   identifier is reserved, a global, or shared by two tools. A failing tool rejects with an
//   Error carrying the tool's message (catchable); the call past `maxToolCalls` rejects with a
//   ToolCallLimitError and is not made.
// - console.log/info/warn/error/debug append one line each to `output` (strings as they are,
//   other values as JSON); past `maxOutputChars` the output is cut and ends with OUTPUT_CUT.
// - No require, process, fetch, fs, modules, timers or host objects exist inside.
// Line numbers in errors are lines of `code` (the wrapper adds none).
//
// Limits: `timeMs` of wall clock for the whole run, enforced by the interrupt handler while
// QuickJS runs and by a host timer while it waits on tools; `memoryBytes` as the module's fixed
// wasm memory (see module-pool.ts); a 256 KB stack (more lets deep recursion overflow the host
// stack and corrupt the module).

import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { acquireModule, type PooledModule, releaseModule } from "./module-pool";
import { preludeSource } from "./prelude";

export type ToolFn = (args: Record<string, unknown>) => Promise<unknown>;

export type SandboxLimits = {
  timeMs: number;
  memoryBytes: number;
  maxToolCalls: number;
  maxOutputChars: number;
};

export const DEFAULT_LIMITS: SandboxLimits = {
  timeMs: 10_000,
  memoryBytes: 64 * 1024 * 1024,
  maxToolCalls: 50,
  maxOutputChars: 20_000,
};

export const STACK_BYTES = 256 * 1024;
export const OUTPUT_CUT = "\n…[output truncated]";

export type ToolCallRecord = { name: string; args: unknown; ok: boolean; ms: number; error?: string };
export type SandboxLimit = "time" | "memory" | "tool-calls" | "stack";

export type ProgramResult =
  | { ok: true; value: unknown; output: string; toolCalls: ToolCallRecord[]; ms: number }
  | {
      ok: false;
      error: string;
      line?: number;
      output: string;
      toolCalls: ToolCallRecord[];
      ms: number;
      limit?: SandboxLimit;
    };

type Failure = { error: string; line?: number; limit?: SandboxLimit };

const PROGRAM_FILE = "program.js";

export async function runProgram(opts: {
  code: string;
  tools?: Record<string, ToolFn>;
  limits?: Partial<SandboxLimits>;
}): Promise<ProgramResult> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const tools = opts.tools ?? {};
  const started = performance.now();
  const pooled = await acquireModule(limits.memoryBytes);
  // loading a module is not the program's time
  const deadline = performance.now() + limits.timeMs;
  const run = new Run(pooled, tools, limits, deadline);
  let outcome: { value: unknown } | Failure;
  try {
    outcome = await run.execute(opts.code);
  } catch (e) {
    // a wasm abort (failed assertion, heap exhausted inside the engine): the module is gone
    run.poisoned = true;
    const message = e instanceof Error ? e.message : String(e);
    const limit = run.limitHint(message);
    outcome = { error: `SandboxError: ${message}`, ...(limit ? { limit } : {}) };
  }
  run.dispose();
  releaseModule(pooled, run.poisoned);
  const base = { output: run.output(), toolCalls: run.calls, ms: performance.now() - started };
  return "value" in outcome ? { ok: true, value: outcome.value, ...base } : { ok: false, ...outcome, ...base };
}

class Run {
  poisoned = false;
  calls: ToolCallRecord[] = [];
  private rt: QuickJSRuntime;
  private ctx: QuickJSContext;
  private lines: string[] = [];
  private outChars = 0;
  private cut = false;
  private interrupted = false;
  private finished = false;
  private pending = new Set<QuickJSDeferredPromise>();
  private wake: (() => void) | null = null;
  private crash: unknown = null;

  constructor(
    pooled: PooledModule,
    private tools: Record<string, ToolFn>,
    private limits: SandboxLimits,
    private deadline: number,
  ) {
    this.rt = pooled.module.newRuntime();
    this.rt.setMaxStackSize(STACK_BYTES);
    this.rt.setInterruptHandler(() => {
      if (performance.now() < this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.ctx = this.rt.newContext();
  }

  async execute(code: string): Promise<{ value: unknown } | Failure> {
    const ctx = this.ctx;
    ctx
      .newFunction("__call", (name, argsJson) => this.callTool(ctx.getString(name), ctx.getString(argsJson)))
      .consume((fn) => ctx.setProp(ctx.global, "__call", fn));
    ctx
      .newFunction("__out", (text) => this.print(ctx.getString(text)))
      .consume((fn) => ctx.setProp(ctx.global, "__out", fn));
    const prelude = ctx.evalCode(preludeSource(Object.keys(this.tools)), "prelude.js");
    if (prelude.error) return this.failure(prelude.error);
    prelude.value.dispose();

    // same line as the code's first, so error lines need no adjusting
    const evaluated = ctx.evalCode(`(async () => {${code}\n})().then(__ser)`, PROGRAM_FILE);
    if (evaluated.error) return this.failure(evaluated.error);
    const promise = evaluated.value;
    try {
      for (;;) {
        if (this.crash) throw this.crash;
        const jobs = this.rt.executePendingJobs(-1);
        if (jobs.error) return this.failure(jobs.error);
        const state = ctx.getPromiseState(promise);
        if (state.type === "fulfilled") {
          const json = state.value.consume((v) => (ctx.typeof(v) === "string" ? ctx.getString(v) : undefined));
          return { value: json === undefined ? undefined : JSON.parse(json) };
        }
        if (state.type === "rejected") return this.failure(state.error);
        if (this.pending.size === 0) {
          return { error: "Error: the program awaits a promise that nothing can settle (no tool call is running)" };
        }
        const left = this.deadline - performance.now();
        if (left <= 0) return this.timeout();
        const woke = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), left);
          this.wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        this.wake = null;
        if (!woke) return this.timeout();
      }
    } finally {
      // freeing into a broken heap aborts again and would hide the first error
      if (!this.poisoned && !this.crash) promise.dispose();
    }
  }

  private timeout(): Failure {
    return {
      error: `InternalError: time limit of ${this.limits.timeMs} ms reached while waiting on ${this.pending.size} tool call(s)`,
      limit: "time",
    };
  }

  private callTool(name: string, argsJson: string): QuickJSHandle {
    const deferred = this.ctx.newPromise();
    this.pending.add(deferred);
    const fn = Object.hasOwn(this.tools, name) ? this.tools[name] : undefined;
    const args = JSON.parse(argsJson);
    let envelope: Promise<object>;
    if (this.calls.length >= this.limits.maxToolCalls) {
      const error = `tool call limit of ${this.limits.maxToolCalls} reached`;
      envelope = Promise.resolve({ ok: false, limit: true, error });
    } else {
      const record: ToolCallRecord = { name, args, ok: false, ms: 0 };
      this.calls.push(record);
      const t0 = performance.now();
      envelope = Promise.resolve()
        .then(() => (fn ? fn(args) : Promise.reject(new Error(`tool ${name} is not loaded`))))
        .then(
          (value) => {
            record.ok = true;
            return { ok: true, value: value === undefined ? null : value };
          },
          (e: unknown) => {
            record.error = e instanceof Error ? e.message : String(e);
            return { ok: false, error: record.error };
          },
        )
        .finally(() => {
          record.ms = performance.now() - t0;
        });
    }
    // settled later, never inside this call: the handle returned below must still be alive
    void envelope.then((env) => {
      if (this.finished) return;
      this.pending.delete(deferred);
      try {
        this.settle(deferred, env);
      } catch (e) {
        // copying the result in can exhaust the module's memory; the run ends with it
        this.crash = e;
      }
      this.wake?.();
    });
    return deferred.handle;
  }

  private settle(deferred: QuickJSDeferredPromise, envelope: object): void {
    let json: string;
    try {
      json = JSON.stringify(envelope);
    } catch (e) {
      json = JSON.stringify({ ok: false, error: `tool result is not JSON: ${(e as Error).message}` });
    }
    this.ctx.newString(json).consume((s) => deferred.resolve(s));
    deferred.dispose();
  }

  private print(text: string): void {
    if (this.cut) return;
    const room = this.limits.maxOutputChars - this.outChars;
    const line = this.lines.length === 0 ? text : `\n${text}`;
    if (line.length <= room) {
      this.lines.push(text);
      this.outChars += line.length;
      return;
    }
    this.lines.push(line.slice(this.lines.length === 0 ? 0 : 1, room));
    this.cut = true;
  }

  output(): string {
    const text = this.lines.join("\n");
    return this.cut ? text + OUTPUT_CUT : text;
  }

  /** Which limit a wasm trap or abort came from, by its message ("memory access out of bounds"). */
  limitHint(message: string): SandboxLimit | undefined {
    if (this.interrupted) return "time";
    return /memory/i.test(message) ? "memory" : undefined;
  }

  /** Turns a thrown value into {error, line, limit}, and disposes it. */
  private failure(handle: QuickJSHandle): Failure {
    let err: { name?: string; message?: string; stack?: string } | string;
    try {
      err = handle.consume((h) => this.ctx.dump(h));
    } catch {
      // dumping needs memory too; failing here means the heap is exhausted
      this.poisoned = true;
      return { error: "InternalError: out of memory", limit: "memory" };
    }
    if (typeof err !== "object" || err === null) return { error: `Uncaught ${JSON.stringify(err)}` };
    const name = err.name ?? "Error";
    const message = err.message ?? "";
    const m = new RegExp(`${PROGRAM_FILE.replace(".", "\\.")}:(\\d+)`).exec(err.stack ?? "");
    const line = m ? Number(m[1]) : undefined;
    let limit: SandboxLimit | undefined;
    if (this.interrupted) limit = "time";
    else if (message === "out of memory") {
      limit = "memory";
      this.poisoned = true;
    } else if (message === "stack overflow" || message.includes("call stack size")) limit = "stack";
    else if (name === "ToolCallLimitError") limit = "tool-calls";
    const error =
      limit === "time" ? `InternalError: time limit of ${this.limits.timeMs} ms reached` : `${name}: ${message}`;
    // an interrupt reports where the function began, not where it spun: no line then
    const at = line === undefined || limit === "time" ? {} : { line };
    return { error, ...at, ...(limit ? { limit } : {}) };
  }

  dispose(): void {
    this.finished = true;
    if (this.poisoned) return;
    try {
      for (const d of this.pending) d.dispose();
      this.pending.clear();
      this.ctx.dispose();
      this.rt.dispose();
    } catch {
      this.poisoned = true;
    }
  }
}
