// npm run bench:queue - the job queue on the embedded database:
//   1. raw pg-boss throughput (jobs/s) with the studio's settings,
//   2. pickup latency (p50, p95) from launching a job to a worker starting it, through the
//      studio's own path (launchJob -> NOTIFY -> worker), against pg-boss polling alone,
//   3. step throughput of a real multi-step job (project export).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-queue-"));
process.env.ATLAS_DATA_DIR = dir;
const { startEmbeddedDb } = await import("@/db/embedded");
const { runMigrations } = await import("@/db/migrate");
const { getDb, closeDb } = await import("@/db/client");
const { jobs, projects } = await import("@/db/schema");
const { createBoss } = await import("@/lib/jobs/server/queue");
const { getSenderBoss, stopSenderBoss } = await import("@/lib/jobs/server/boss");
const { launchJob } = await import("@/lib/jobs/server/launch-job");
const { startWorker } = await import("@/workers/main");

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

const pg = await startEmbeddedDb(dir);
process.env.DATABASE_URL = pg.url;
await runMigrations(pg.url);
const { db } = getDb();
console.log(`embedded PostgreSQL in ${dir}; ${os.cpus().length} cores`);

// 1. raw throughput
{
  const boss = createBoss(pg.url, { supervise: false });
  await boss.start();
  await boss.createQueue("bench-raw");
  const n = 5000;
  let done = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1000)
    await boss.insert(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name: "bench-raw", data: { i: i + k } })),
    );
  const enqueueS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const finished = new Promise<void>((resolve) => {
    const handler = async (batch: unknown[]) => {
      done += batch.length;
      if (done >= n) resolve();
    };
    for (let w = 0; w < 4; w++) void boss.work("bench-raw", { batchSize: 250, pollingIntervalSeconds: 0.5 }, handler);
  });
  await finished;
  const workS = (performance.now() - t1) / 1000;
  console.log(
    `\n1. pg-boss, ${n} no-op jobs: enqueue ${(n / enqueueS).toFixed(0)} jobs/s; processed ${(n / workS).toFixed(0)} jobs/s (4 workers x batch 250, 0.5 s polling)`,
  );
  await boss.stop({ graceful: false, wait: true });
}

const [project] = await db.insert(projects).values({ name: "bench" }).returning();
const by = { userId: null, keyId: null };

// 2. pickup latency, through the studio's path
async function pickup(label: string, samples: number, wake: boolean) {
  const worker = await startWorker(pg.url, () => {}, { wakeUp: wake });
  const lat: number[] = [];
  for (let i = 0; i < samples; i++) {
    const job = await launchJob({
      db,
      boss: await getSenderBoss(),
      projectId: project.id,
      by,
      input: { type: "project.export", payload: {} },
    });
    const sent = Date.parse(job.createdAt);
    for (;;) {
      const [j] = await db.select({ startedAt: jobs.startedAt }).from(jobs).where(eq(jobs.id, job.id));
      if (j.startedAt) {
        lat.push(j.startedAt.getTime() - sent);
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  await worker.stop(false);
  console.log(`   ${label}: p50 ${ms(pct(lat, 50))}, p95 ${ms(pct(lat, 95))} (${samples} jobs)`);
  return pct(lat, 50);
}
console.log("\n2. pickup latency, launch -> a worker starts the job (database clock):");
const polled = await pickup("pg-boss polling only (0.5 s)", 40, false);
const woken = await pickup("studio (LISTEN/NOTIFY wake-up)", 40, true);
console.log(`   ratio: wake-up is ${(polled / Math.max(woken, 0.1)).toFixed(1)}x faster at the median`);

// 3. steps of a real job
{
  await db.execute(sql`insert into trajectories (project_id, client_id, step_count)
    select ${project.id}::uuid, 'b-' || g, 0 from generate_series(1, 5000) g`);
  const worker = await startWorker(pg.url, () => {});
  const t0 = performance.now();
  const job = await launchJob({
    db,
    boss: await getSenderBoss(),
    projectId: project.id,
    by,
    input: { type: "project.export", payload: { pageSize: 10 } },
  });
  for (;;) {
    const [j] = await db.select().from(jobs).where(eq(jobs.id, job.id));
    if (j.status === "succeeded") {
      const s = (performance.now() - t0) / 1000;
      console.log(
        `\n3. export of 5000 trajectories in ${j.progressTotal} steps: ${s.toFixed(1)} s, ${((j.progressTotal ?? 0) / s).toFixed(0)} steps/s, ${(5000 / s).toFixed(0)} trajectories/s`,
      );
      break;
    }
    if (j.status === "failed") throw new Error(j.error ?? "failed");
    await new Promise((r) => setTimeout(r, 20));
  }
  await worker.stop(false);
}

await stopSenderBoss();
await closeDb();
await pg.stop();
fs.rmSync(dir, { recursive: true, force: true });
