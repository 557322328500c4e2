// npm run bench:import - trajectory imports, measured:
//   1. 10,000 realistic episodes (JSONL, 10-30 messages each, tool calls and outputs) imported on
//      the embedded database through the import job's own plan and page functions, one
//      transaction per page as the worker runs them: trajectories/s and steps/s; then the same
//      file again (every record already there);
//   2. a 200 MB JSONL uploaded to POST /imports of a running studio (`atlas start`): the web
//      process's RSS before and its peak during the upload, then the worker's peak while the
//      import job plans and writes that file.
// Options: --count N (part 1's episodes), --mb N (part 2's file size), --skip-web.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { writeEpisodes } from "./import-data";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg("count", 10_000);
const MB = 1024 * 1024;
const UPLOAD_MB = arg("mb", 200);
const out = path.resolve("bench/out");
fs.mkdirSync(out, { recursive: true });
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

async function episodesFile(name: string, opts: { count?: number; bytes?: number }) {
  const file = path.join(out, name);
  const t0 = performance.now();
  const made = await writeEpisodes(file, opts);
  console.log(
    `wrote ${file}: ${made.episodes} episodes, ${made.steps} steps, ${mb(made.bytes)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { file, ...made };
}

// ---- 1. import throughput on the embedded database ----
async function throughput() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-import-"));
  process.env.ATLAS_DATA_DIR = dir;
  const { startEmbeddedDb } = await import("@/db/embedded");
  const { runMigrations } = await import("@/db/migrate");
  const { getDb, closeDb } = await import("@/db/client");
  const { projects } = await import("@/db/schema");
  const { planImport } = await import("@/lib/imports/server/plan-import");
  const { importPage } = await import("@/lib/imports/server/import-page");
  const { fileSource } = await import("@/lib/imports/server/scan");
  const pg = await startEmbeddedDb(dir);
  process.env.DATABASE_URL = pg.url;
  await runMigrations(pg.url);
  const { db } = getDb();
  try {
    const data = await episodesFile(`import-${COUNT}.jsonl`, { count: COUNT });
    const [project] = await db.insert(projects).values({ name: "bench import" }).returning();
    const source = fileSource(data.file);
    const run = async (label: string) => {
      const t0 = performance.now();
      const plan = await planImport({
        db,
        projectId: project.id,
        source,
        filename: "bench.jsonl",
        mode: "all-or-nothing",
      });
      const planned = performance.now();
      const totals = { created: 0, exists: 0 };
      for (const page of plan.pages) {
        const r = await db.transaction((tx) =>
          importPage({ db: tx, projectId: project.id, source, page, mode: "all-or-nothing" }),
        );
        totals.created += r.created;
        totals.exists += r.exists;
      }
      const s = (performance.now() - t0) / 1000;
      const planS = (planned - t0) / 1000;
      console.log(
        `${label}: ${plan.counts.records} records in ${plan.pages.length} pages, ${s.toFixed(1)} s (plan ${planS.toFixed(1)} s = ${(data.bytes / MB / planS).toFixed(0)} MB/s): ` +
          `${(plan.counts.records / s).toFixed(0)} trajectories/s, ${(data.steps / s).toFixed(0)} steps/s; ${totals.created} created, ${totals.exists} already there`,
      );
    };
    console.log(`\n1. import through the job's plan and pages (embedded PostgreSQL, ${os.cpus().length} cores)`);
    await run("first import");
    await run("same file again");
    const [{ n, steps }] = await db.execute<{ n: number; steps: number }>(
      sql`select count(*)::int as n, coalesce(sum(step_count), 0)::int as steps from trajectories where project_id = ${project.id}`,
    );
    console.log(`stored: ${n} trajectories, ${steps} steps`);
    await tokenizerCost();
  } finally {
    await closeDb();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Where a first import's time goes: counting tokens, per tokenizer. */
async function tokenizerCost() {
  const { episode } = await import("./import-data");
  const { convertRecord } = await import("@/lib/imports/formats/convert");
  const { listFields, suggestMapping } = await import("@/lib/imports/formats/fields");
  const { checkConverted } = await import("@/lib/imports/validate");
  const { accountTrajectory } = await import("@/lib/trajectories/server/account-context");
  const { getTokenizer } = await import("@/lib/trajectories/server/tokenizers");
  const sample = Array.from({ length: 100 }, (_, i) => episode(i));
  const mapping = suggestMapping(listFields(sample));
  const records = sample.flatMap((e, i) => {
    const c = checkConverted(i, convertRecord("jsonl", e, { mapping }));
    return "record" in c ? [c.record] : [];
  });
  const parts = (["o200k_base", "qwen3"] as const).map((name) => {
    const tok = getTokenizer(name);
    tok.count("warm up");
    const t0 = performance.now();
    for (const r of records) accountTrajectory(r, tok);
    return `${name} ${((performance.now() - t0) / records.length).toFixed(1)} ms`;
  });
  console.log(`token accounting per trajectory (the episodes are half gpt-4o-mini, half Qwen3): ${parts.join(", ")}`);
}

// ---- 2. memory of the web process and the worker ----
const kb = (pid: number, field: "VmRSS" | "VmHWM") => {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};

/** The launcher's descendants: the web server (next start) and the worker. */
function children(root: number) {
  const all = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const d of all) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      cmd.set(Number(d), fs.readFileSync(`/proc/${d}/cmdline`, "utf8").replaceAll("\0", " "));
    } catch {}
  }
  const below = (pid: number): boolean => pid === root || (parent.has(pid) && pid > 1 && below(parent.get(pid)!));
  const mine = [...parent.keys()].filter((p) => p !== root && below(p));
  return {
    web: mine.filter((p) => /next/.test(cmd.get(p) ?? "") && !/postgres/.test(cmd.get(p) ?? "")),
    worker: mine.filter((p) => /atlas\.mjs worker/.test(cmd.get(p) ?? "")),
  };
}

async function webMemory() {
  const port = 3293;
  const base = `http://localhost:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-upload-"));
  const data = await episodesFile(`import-${UPLOAD_MB}mb.jsonl`, { bytes: UPLOAD_MB * MB });
  // part 1 pointed DATABASE_URL at its own database: the studio starts its embedded one
  const { DATABASE_URL: _, ...env } = process.env;
  const launcher: ChildProcess = spawn(process.execPath, ["bin/atlas.mjs", "start"], {
    env: {
      ...env,
      PORT: String(port),
      ATLAS_DATA_DIR: dir,
      ATLAS_SEED_DEMO: "0",
      ATLAS_ADMIN_EMAIL: "bench@atlas.local",
      ATLAS_ADMIN_PASSWORD: "bench-password",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  launcher.stderr?.on("data", (d) => (log += d));
  try {
    for (;;) {
      if (launcher.exitCode !== null) throw new Error(`atlas start exited:\n${log}`);
      if (
        await fetch(`${base}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "bench@atlas.local", password: "bench-password" }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const headers = { cookie, origin: base, "content-type": "application/json" };
    const project = await (
      await fetch(`${base}/api/v1/projects`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: "bench upload" }),
      })
    ).json();
    // a first request to each route loads its code: measure after that, as a running studio is
    await fetch(`${base}/api/v1/projects/${project.id}/imports?filename=warm.jsonl`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: "",
    });
    await new Promise((r) => setTimeout(r, 1000));
    const { web, worker } = children(launcher.pid!);
    if (!web.length) throw new Error("found no web process under the launcher");
    const rss = (pids: number[]) => Math.max(...pids.map((p) => kb(p, "VmRSS")));
    const webBefore = rss(web);
    const workerBefore = rss(worker);
    let webPeak = webBefore;
    let workerPeak = workerBefore;
    const sampler = setInterval(() => {
      webPeak = Math.max(webPeak, rss(web));
      workerPeak = Math.max(workerPeak, rss(worker));
    }, 20);

    console.log(
      `\n2. upload of ${mb(data.bytes)} to POST /imports (web pids ${web.join(",")}, worker ${worker.join(",")})`,
    );
    const t0 = performance.now();
    const job = await new Promise<{ id: string }>((resolve, reject) => {
      const req = http.request(`${base}/api/v1/projects/${project.id}/imports?filename=big.jsonl&mode=all-or-nothing`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/octet-stream", "content-length": data.bytes },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () =>
          res.statusCode === 202 ? resolve(JSON.parse(body)) : reject(new Error(`${res.statusCode}: ${body}`)),
        );
      });
      req.on("error", reject);
      fs.createReadStream(data.file).pipe(req);
    });
    const uploadS = (performance.now() - t0) / 1000;
    const webDuringUpload = webPeak;
    console.log(
      `web process RSS: ${mb(webBefore)} before, peak ${mb(webDuringUpload)} during the upload (+${mb(webDuringUpload - webBefore)}); upload ${uploadS.toFixed(1)} s = ${(data.bytes / MB / uploadS).toFixed(0)} MB/s`,
    );
    const t1 = performance.now();
    let status: { job: { status: string; error: string | null }; records: { done: number; total: number | null } };
    for (;;) {
      status = await (await fetch(`${base}/api/v1/projects/${project.id}/imports/${job.id}`, { headers })).json();
      if (["succeeded", "failed", "cancelled"].includes(status.job.status)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    clearInterval(sampler);
    const importS = (performance.now() - t1) / 1000;
    console.log(
      `import job ${status.job.status}${status.job.error ? ` (${status.job.error})` : ""}: ${status.records.done} records in ${importS.toFixed(0)} s (${(status.records.done / importS).toFixed(0)} trajectories/s, ${(data.steps / importS).toFixed(0)} steps/s)`,
    );
    console.log(
      `worker RSS: ${mb(workerBefore)} before, peak ${mb(workerPeak)} while planning and importing; web peak over the whole run ${mb(webPeak)}`,
    );
  } finally {
    if (launcher.exitCode === null) {
      const exited = new Promise((r) => launcher.once("exit", r));
      launcher.kill("SIGINT");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await throughput();
if (!process.argv.includes("--skip-web")) await webMemory();
