// Each loading strategy end to end: the oracle policy over real HTTP solves offline tasks against
// the real bundled MCP servers (all 12 offered; only those the episode calls are started).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trajectoryRecord } from "@/lib/trajectories/format";
import { accountTrajectory, contextTotal } from "@/lib/trajectories/server/account-context";
import { type OraclePolicy, startOraclePolicy } from "@/test/oracle-policy";
import { readOfflineTasks } from "@/toolspace/tasks/offline-tasks";
import type { Strategy } from "../strategies/prompts";
import { bundledEpisodeServers } from "./bundled-servers";
import { memorySink } from "./memory-sink";
import { runEpisode } from "./run-episode";
import { DEFAULT_EPISODE_LIMITS, type EpisodeSpec, type PolicyConfig } from "./types";

const tasks = readOfflineTasks().tasks;
const servers = bundledEpisodeServers();
let oracle: OraclePolicy;
const dirs: string[] = [];

beforeAll(async () => {
  oracle = await startOraclePolicy(tasks);
});
afterAll(async () => {
  await oracle.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const policy = (): PolicyConfig => ({
  name: "oracle",
  baseUrl: oracle.url,
  model: "oracle",
  apiKey: "k",
  temperature: 0,
  maxTokens: 512,
  contextWindow: 128_000,
  tokenizer: "o200k_base",
  timeoutMs: 10_000,
});

async function run(strategy: Strategy, taskId: string) {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) throw new Error(`no task ${taskId}`);
  const episodeDir = await mkdtemp(path.join(tmpdir(), "atlas-episode-"));
  dirs.push(episodeDir);
  const spec: EpisodeSpec = {
    task: { id: task.id, prompt: task.prompt, taskSet: "offline" },
    policy: policy(),
    strategy,
    servers,
    limits: { ...DEFAULT_EPISODE_LIMITS, contextBudget: 100_000 },
    episodeDir,
  };
  const sink = memorySink();
  const result = await runEpisode(spec, sink);
  const record = trajectoryRecord.parse(sink.record());
  return { task, result, sink, record };
}

const peak = (r: { steps: { context?: Parameters<typeof contextTotal>[0] }[] }) =>
  Math.max(...r.steps.map((s) => (s.context ? contextTotal(s.context) : 0)));

type Run = Awaited<ReturnType<typeof run>>;
const strategies = ["eager", "isl", "itl", "itl-ptc"] as const;
const runs = new Map<string, Run>();

// The episodes run side by side (each starts its own servers), then each test reads one.
beforeAll(async () => {
  const jobs = [
    ...strategies.map((s) => [s, "OFF-01"] as const),
    ["isl", "OFF-06"] as const,
    ["itl-ptc", "OFF-06"] as const,
  ];
  await Promise.all(jobs.map(async ([s, id]) => runs.set(`${s} ${id}`, await run(s, id))));
}, 120_000);

describe.each(strategies)("%s", (strategy) => {
  it("solves a two-server task with real tools and answers the reference answer", () => {
    const { task, result, record, sink } = runs.get(`${strategy} OFF-01`) as Run;
    expect(result.stopReason).toBe("answered");
    expect(result.outcome).toBe("pass");
    expect(result.finalAnswer).toBe(task.referenceAnswer);
    const toolSteps = sink.steps.filter((s) => s.message.role === "tool");
    expect(toolSteps.filter((s) => s.error)).toEqual([]);
    // the real geo server's distance reached the model
    expect(toolSteps.map((s) => s.message.content).join("\n")).toContain("11142.6");
    // steps carry catalogue names; the accounting on import agrees with the one made while running
    const again = accountTrajectory(record);
    expect(again.steps.map((s) => s.context)).toEqual(record.steps.map((s) => s.context));
    expect(again.toolErrorCount).toBe(0);
    expect(again.toolsUsed).toEqual(
      {
        eager: ["calculate_distance", "evaluate_expression"],
        isl: ["calculate_distance", "evaluate_expression", "load_server"],
        itl: ["calculate_distance", "evaluate_expression", "load_tools"],
        // the program's own calls count as tool calls
        "itl-ptc": ["calculate_distance", "evaluate_expression", "load_tools", "run_program"],
      }[strategy],
    );
    if (strategy === "itl-ptc") {
      const program = record.steps.find((s) => s.message.role === "tool" && s.message.name === "run_program");
      expect(program?.message.role === "tool" && program.message.program_calls).toEqual([
        { name: "calculate_distance", arguments: '{"from_city":"Lisbon","to_city":"Tokyo","unit":"km"}', ok: true },
        { name: "evaluate_expression", arguments: '{"expression":"11142.6 / 850"}', ok: true },
      ]);
    }
    const loaded = record.steps.flatMap((s) => s.toolsLoaded);
    if (strategy === "isl") expect(loaded).toEqual(expect.arrayContaining(["calculate_distance", "convert_currency"]));
    if (strategy === "itl" || strategy === "itl-ptc")
      expect(loaded.sort()).toEqual(["calculate_distance", "evaluate_expression"]);
  });
});

it.each(["isl", "itl-ptc"] as const)("%s writes and reads a file in the episode's own folder", (strategy) => {
  const { result, sink, task } = runs.get(`${strategy} OFF-06`) as Run;
  expect(result.finalAnswer).toBe(task.referenceAnswer);
  const outputs = sink.steps.filter((s) => s.message.role === "tool");
  expect(outputs.filter((s) => s.error)).toEqual([]);
  expect(outputs.map((s) => s.message.content).join("\n")).toContain("sunrise 09:17, sunset 15:11");
});

it("ITL and ITL+PTC hold far less context than eager on the same task", () => {
  const eager = peak((runs.get("eager OFF-01") as Run).record);
  expect(peak((runs.get("itl OFF-01") as Run).record)).toBeLessThan(eager / 3);
  expect(peak((runs.get("itl-ptc OFF-01") as Run).record)).toBeLessThan(eager / 3);
});
