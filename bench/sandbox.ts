// npm run bench:sandbox - what one run_program costs: p50/p95 ms per trivial program and per
// program making 3 tool calls (two in parallel, one after), tools answering at once, so the
// figures are the sandbox's own (fresh runtime and context on a pooled module, prelude, job loop).
// Also the first run (module load), a run right after a memory blow-up (module replaced), and
// loading a module alone (what a module per run would add to every run).

import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant } from "quickjs-emscripten-core";
import { runProgram, type ToolFn } from "../lib/runtime/sandbox/run-program";

const N = Number(process.env.N ?? 500);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (x: number) => x.toFixed(2);

const tools: Record<string, ToolFn> = {
  "weather.get": async (args) => ({ city: args.city, tempC: 18 }),
  "flights-search": async (args) => [{ from: args.from, to: args.to, price: 120 }],
};
const trivial = "return 1 + 1;";
const threeCalls = `
  const [a, b] = await Promise.all([weather_get({ city: "Paris" }), weather_get({ city: "Oslo" })]);
  const flights = await tools["flights-search"]({ from: "PAR", to: "OSL" });
  console.log(a.tempC, b.tempC);
  return { warmer: a.tempC >= b.tempC ? a.city : b.city, price: flights[0].price };`;

async function measure(label: string, code: string): Promise<void> {
  const wall: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = await runProgram({ code, tools });
    wall.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${label}: ${r.error}`);
  }
  console.log(`${label.padEnd(22)} p50 ${f(pct(wall, 50))} ms  p95 ${f(pct(wall, 95))} ms  (n=${N})`);
}

async function main() {
  let t0 = performance.now();
  await runProgram({ code: trivial });
  console.log(`first run (module load) ${f(performance.now() - t0)} ms`);
  await measure("trivial program", trivial);
  await measure("3 tool calls", threeCalls);
  const oom = await runProgram({ code: `let a = []; for (;;) a.push("x".repeat(1e6));` });
  console.log(`memory blow-up (64 MiB) stopped in ${f(oom.ms)} ms, limit=${oom.ok ? "none" : oom.limit}`);
  t0 = performance.now();
  await runProgram({ code: trivial });
  console.log(`next run (fresh module) ${f(performance.now() - t0)} ms`);
  // the alternative design, a module per run: what loading one costs alone
  const loads: number[] = [];
  for (let i = 0; i < 50; i++) {
    t0 = performance.now();
    const wasmMemory = new WebAssembly.Memory({ initial: 256, maximum: 1024 });
    await newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmMemory }));
    loads.push(performance.now() - t0);
  }
  console.log(`module load alone      p50 ${f(pct(loads, 50))} ms  p95 ${f(pct(loads, 95))} ms  (n=50)`);
}

void main();
