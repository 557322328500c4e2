// npm run bench:episodes [-- --levels 1,4,16,32 --strategies eager,itl --servers fixture,bundled]
//
// How many concurrent episodes one worker process sustains, and its CPU time per step. The policy
// is the oracle (test/oracle-policy.ts) in a child process, answering over real HTTP at once (a
// zero-latency scripted policy), so the figures are the agent loop's own: request building,
// tokenizer counting, meta-tools, MCP calls, per-episode server start and close. Steps go to an
// in-memory sink (storing them in the database is not counted).
//
// Servers: "fixture" is a small plain-JS stdio server (lib/runtime/mcp/server/fixtures) with an
// add tool, a task of 4 calls; "bundled" is task OFF-01 of the offline task set (geo and
// calculator, started with tsx) with all 12 bundled servers in the catalogue. Every episode
// starts its own servers, as benchmark runs do.
//
// Per level: 2 waves of episodes (at least 4), each of `concurrency` running at once from a pool.
// Printed: episodes/s, p50/p95 wall time per step (assistant or tool step, from the previous
// step's end), worker CPU ms per step (process.cpuUsage, user + system; the servers' own
// processes are not in it), each also as a ratio to concurrency 1 of the same strategy measured
// in the same run; CPU per step of each strategy as a ratio to eager at the same level; and the
// CPU time of the episodes' server processes per episode (Linux: cutime + cstime of /proc/self/stat).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { bundledEpisodeServers } from "../lib/runtime/episode/bundled-servers";
import { memorySink } from "../lib/runtime/episode/memory-sink";
import { runEpisode } from "../lib/runtime/episode/run-episode";
import { DEFAULT_EPISODE_LIMITS, type EpisodeServer, type EpisodeSpec } from "../lib/runtime/episode/types";
import { fixtureStdioServer } from "../lib/runtime/mcp/server/fixtures/processes";
import type { Strategy } from "../lib/runtime/strategies/prompts";
import { type OracleTask, startOraclePolicy } from "../test/oracle-policy";
import { readOfflineTasks } from "../toolspace/tasks/offline-tasks";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const FIXTURE_TASK: OracleTask = {
  id: "BENCH-ADD",
  prompt: "Add 1 and 2, then 3 and 4, then 5 and 6, then 7 and 8, and tell me the four sums.",
  servers: ["calc"],
  solution: [1, 3, 5, 7].map((a) => ({ tool: "calc.add", args: { a, b: a + 1 } })),
  referenceAnswer: "3, 7, 11 and 15.",
};

async function startOracle(tasks: OracleTask[]) {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--oracle"], {
    env: { ...process.env, ORACLE_TASKS: JSON.stringify(tasks) },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the oracle exited with ${code}`)));
  });
  return { url, stop: () => child.stdin.end() };
}

type Setup = { label: string; task: OracleTask; servers: EpisodeServer[] };

async function fixtureSetup(): Promise<Setup> {
  const { connectServer } = await import("../lib/runtime/mcp/server/connect-server");
  const h = await connectServer({ transport: "stdio", command: process.execPath, args: [fixtureStdioServer] });
  const tools = await h.listTools();
  await h.close();
  const server: EpisodeServer = {
    name: "calc",
    description: "adds numbers",
    connection: { transport: "stdio", command: process.execPath, args: [fixtureStdioServer], env: {} },
    tools,
  };
  return { label: "fixture (1 plain-JS server, 4 calls)", task: FIXTURE_TASK, servers: [server] };
}

function bundledSetup(): Setup {
  const task = readOfflineTasks().tasks.find((t) => t.id === "OFF-01");
  if (!task) throw new Error("OFF-01 is missing from the offline task set");
  return {
    label: "bundled (OFF-01: geo + calculator; 12 servers in the catalogue)",
    task,
    servers: bundledEpisodeServers(),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

type Level = {
  eps: number;
  p50: number;
  p95: number;
  cpu: number;
  serverCpu: number | null;
  steps: number;
  episodes: number;
};

/** CPU ms of this process's ended children (the servers), from /proc (Linux); null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of stat, in clock ticks (100 per second on Linux)
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function level(setup: Setup, url: string, strategy: Strategy, concurrency: number): Promise<Level> {
  const total = Math.max(4, concurrency * 2);
  const stepMs: number[] = [];
  let steps = 0;
  let next = 0;
  const one = async () => {
    const episodeDir = await mkdtemp(path.join(tmpdir(), "atlas-bench-ep-"));
    const spec: EpisodeSpec = {
      task: { id: setup.task.id, prompt: setup.task.prompt },
      policy: {
        name: "oracle",
        baseUrl: url,
        model: "oracle",
        temperature: 0,
        maxTokens: 256,
        contextWindow: 128_000,
        tokenizer: "o200k_base",
        timeoutMs: 60_000,
      },
      strategy,
      servers: setup.servers,
      limits: { ...DEFAULT_EPISODE_LIMITS, contextBudget: 100_000, toolTimeoutMs: 60_000 },
      episodeDir,
    };
    const sink = memorySink();
    let last = performance.now();
    const step = sink.step;
    sink.step = async (s, i) => {
      const now = performance.now();
      if (i >= 2) stepMs.push(now - last);
      last = now;
      return step(s, i);
    };
    try {
      const r = await runEpisode(spec, sink);
      if (r.stopReason !== "answered" || r.finalAnswer !== setup.task.referenceAnswer)
        throw new Error(`${strategy}: episode ended ${r.stopReason}: ${r.error ?? r.finalAnswer}`);
      steps += r.steps - 2;
    } finally {
      await rm(episodeDir, { recursive: true, force: true });
    }
  };
  const cpu0 = process.cpuUsage();
  const children0 = childrenCpuMs();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await one();
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const children = childrenCpuMs();
  return {
    eps: total / wall,
    p50: pct(stepMs, 50),
    p95: pct(stepMs, 95),
    cpu: (cpu.user + cpu.system) / 1000 / steps,
    serverCpu: children === null || children0 === null ? null : (children - children0) / total,
    steps,
    episodes: total,
  };
}

async function main() {
  const levels = arg("levels", "1,4,16,32").split(",").map(Number);
  const strategies = arg("strategies", "eager,itl").split(",") as Strategy[];
  const modes = arg("servers", "fixture,bundled").split(",");
  const f = (x: number, d = 1) => x.toFixed(d);
  for (const mode of modes) {
    const setup = mode === "fixture" ? await fixtureSetup() : bundledSetup();
    const oracle = await startOracle([setup.task]);
    try {
      console.log(`\n${setup.label}`);
      console.log(
        "strategy  conc  episodes  ep/s (x conc 1)   step p50 ms  step p95 ms  worker CPU ms/step (x conc 1, x eager)  servers CPU ms/episode",
      );
      // episodes of each strategy first, so module loading, tokenizer start-up and building the
      // search index once per catalogue are in no level
      for (const strategy of strategies) await level(setup, oracle.url, strategy, 1);
      const eager = new Map<number, Level>();
      for (const strategy of strategies) {
        let base: Level | null = null;
        for (const c of levels) {
          const r = await level(setup, oracle.url, strategy, c);
          base ??= r;
          if (strategy === "eager") eager.set(c, r);
          const e = eager.get(c);
          console.log(
            `${strategy.padEnd(8)} ${String(c).padStart(5)} ${String(r.episodes).padStart(9)}  ${f(r.eps, 2).padStart(6)} (x${f(r.eps / base.eps, 2)})`.padEnd(
              46,
            ) +
              `${f(r.p50).padStart(11)}  ${f(r.p95).padStart(11)}  ${f(r.cpu, 2).padStart(8)} (x${f(r.cpu / base.cpu, 2)}${
                e ? `, x${f(r.cpu / e.cpu, 2)}` : ""
              })`.padEnd(38) +
              (r.serverCpu === null ? "n/a" : f(r.serverCpu, 0)).padStart(8),
          );
        }
      }
    } finally {
      oracle.stop();
    }
  }
}

// The oracle answers from its own process so that its CPU time is not the worker's.
if (process.argv.includes("--oracle")) {
  const oracle = await startOraclePolicy(JSON.parse(process.env.ORACLE_TASKS ?? "[]"), { record: false });
  console.log(oracle.url);
  process.stdin.on("end", () => oracle.close().then(() => process.exit(0)));
  process.stdin.resume();
} else {
  await main();
}
