// QuickJS modules for the sandbox, each with its own fixed WebAssembly.Memory.
//
// The memory cap lives on the module, not the runtime: QuickJS's setMemoryLimit does not bound
// the wasm heap, while a WebAssembly.Memory with a `maximum` makes malloc fail cleanly. So a
// module serves one run at a time (else a run blowing its budget would starve its neighbours);
// idle modules are kept for the next run, because making one costs about 12 ms against about
// 2 ms for a fresh runtime and context on an existing one. A module that ran out of memory or
// aborted (a failed assertion, e.g. objects left behind after an out-of-memory) is never
// reused: its heap can be inconsistent, and only dropping the whole module is safe.

import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";

const PAGE = 64 * 1024;
/** Pages the wasm build needs before running anything; its initial heap is 16 MiB. */
const INITIAL_PAGES = 256;
/** Idle modules kept per memory size; more concurrent runs create modules that are then dropped. */
const MAX_IDLE = 4;

export type PooledModule = { module: QuickJSWASMModule; memoryBytes: number };

const idle = new Map<number, PooledModule[]>();

/** Rounds a byte budget to whole wasm pages, never below what the build needs to start. */
export function memoryPages(memoryBytes: number): number {
  return Math.max(INITIAL_PAGES, Math.floor(memoryBytes / PAGE));
}

export async function acquireModule(memoryBytes: number): Promise<PooledModule> {
  const pages = memoryPages(memoryBytes);
  const list = idle.get(pages);
  const reused = list?.pop();
  if (reused) return reused;
  const wasmMemory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: pages });
  const module = await newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmMemory }));
  return { module, memoryBytes: pages * PAGE };
}

/** Gives a module back after a clean run; a poisoned one is dropped for the GC to reclaim. */
export function releaseModule(pooled: PooledModule, poisoned: boolean): void {
  if (poisoned) return;
  const pages = pooled.memoryBytes / PAGE;
  const list = idle.get(pages) ?? [];
  if (list.length < MAX_IDLE) list.push(pooled);
  idle.set(pages, list);
}

/** Idle modules now held, for tests and the bench. */
export function idleModuleCount(): number {
  let n = 0;
  for (const list of idle.values()) n += list.length;
  return n;
}
