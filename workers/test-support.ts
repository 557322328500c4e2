// Helpers for job tests: launch through the real queue and wait on the jobs table.

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
