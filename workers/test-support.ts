// Helpers for job tests: launch through the real queue and wait on the jobs table.

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { artifacts, type Job, jobs } from "@/db/schema";
import { getConfig } from "@/lib/config";

export async function waitForJob(db: Db, jobId: string, until: (j: Job) => boolean, ms = 60_000): Promise<Job> {
  const end = Date.now() + ms;
  for (;;) {
    const [j] = await db.select().from(jobs).where(eq(jobs.id, jobId));
    if (j && until(j)) return j;
    if (Date.now() > end) throw new Error(`job ${jobId} stuck at ${j?.status} ${j?.progressDone}/${j?.progressTotal}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const isFinished = (j: Job) => ["succeeded", "failed", "cancelled"].includes(j.status);

/** The export archive's records, parsed. */
export async function readExport(db: Db, jobId: string) {
  const [a] = await db.select().from(artifacts).where(eq(artifacts.jobId, jobId));
  const file = path.join(getConfig().dataDir, "artifacts", a.key);
  const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").trim().split("\n");
  return lines.map((l) => JSON.parse(l) as { type: string; clientId?: string; steps?: unknown[] });
}

/**
 * A worker in its own process, as `atlas worker` runs it, with a short step expiry so a test can kill
 * it and see another worker take its step over. Kill it (or wait for `exited`) before the test ends.
 */
export function startWorkerProcess(children: ChildProcess[]) {
  const child = spawn(process.execPath, ["bin/atlas.mjs", "worker"], {
    env: {
      ...process.env,
      ATLAS_STEP_EXPIRE_SECONDS: "3",
      ATLAS_QUEUE_MAINTENANCE_SECONDS: "1",
      ATLAS_WORKER_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const ready = new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (output.includes("ready")) {
        clearInterval(t);
        resolve();
      }
      if (child.exitCode !== null) {
        clearInterval(t);
        reject(new Error(`worker exited: ${output}`));
      }
    }, 50);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}
