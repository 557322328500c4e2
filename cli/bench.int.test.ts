// atlas bench run as a user runs it: a child process that starts a run on the test database and,
// with --wait, runs its episodes against the bundled servers and a scripted policy over HTTP.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { makeBench } from "@/lib/runs/test-bench";
import { type OraclePolicy, startOraclePolicy } from "@/test/oracle-policy";
import { readOfflineTasks } from "@/toolspace/tasks/offline-tasks";

const { db } = connectTestDb();
let oracle: OraclePolicy;
beforeAll(async () => {
  oracle = await startOraclePolicy(readOfflineTasks().tasks);
});
afterAll(async () => oracle?.close());

// spawned, not spawnSync: the scripted policy answers from this process
function atlas(...args: string[]) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ["bin/atlas.mjs", ...args], { env: process.env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

describe("atlas bench run", () => {
  it("runs a benchmark headless with --wait and prints progress and the result", async () => {
    const { project } = await makeProject(db);
    const bench = await makeBench(db, project.id, ["OFF-01", "OFF-02"], oracle.url);
    const r = await atlas(
      "bench",
      "run",
      "--project",
      project.id,
      "--policy",
      "oracle",
      "--task-set",
      bench.taskSet.name,
      "--strategy",
      "itl",
      "--task-limit",
      "1",
      "--samples",
      "2",
      "--wait",
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Run [0-9a-f-]{36}: oracle · itl · offline tasks \(test\), 2 episodes/);
    expect(r.err).toContain("2/2 episodes");
    expect(r.out).toContain("OFF-01");
    expect(r.out).toContain("succeeded: 2 succeeded, 0 failed, 0 cancelled; mean reward 1.000, passed 2/2");
  }, 180_000);

  it("names the option at fault and starts nothing", async () => {
    const { project } = await makeProject(db);
    const bench = await makeBench(db, project.id, ["OFF-01"], oracle.url);
    const base = ["bench", "run", "--project", project.id, "--task-set", bench.taskSet.id];
    const noPolicy = await atlas(...base, "--policy", "nobody", "--strategy", "itl");
    expect(noPolicy.code).toBe(1);
    expect(noPolicy.err).toContain("--policy: no policy 'nobody' in this project");
    const badStrategy = await atlas(...base, "--policy", "oracle", "--strategy", "lazy");
    expect(badStrategy.code).toBe(1);
    expect(badStrategy.err).toContain("strategy must be one of eager, isl, itl, itl-ptc");
  }, 120_000);
});
