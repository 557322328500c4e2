import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "@playwright/test";
import postgres from "postgres";
import { createDb } from "../db/client";
import { ingestTrajectories, validateRecords } from "../lib/trajectories/server/ingest-trajectories";
import { startStudio } from "./studio";

const RUNS = Number(process.env.RUNS ?? 5);
const STEPS = 2000;
const port = 3293;
const base = `http://localhost:${port}`;
const admin = { email: "bench@atlas.local", password: "bench-password" };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-viewer-"));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;

/** A search-and-read agent: each assistant turn calls a tool, each result is JSON or log text. */
function episode() {
  const tools = ["search_docs", "read_file", "run_sql", "http_get", "list_dir", "grep"];
  const steps: Record<string, unknown>[] = [
    { message: { role: "system", content: "You are a careful research agent. Use tools; cite what you read." } },
    {
      message: { role: "user", content: "Find every place the billing service retries a failed charge and summarise." },
    },
  ];
  const t0 = Date.parse("2026-03-01T10:00:00Z");
  for (let i = 0; steps.length < STEPS - 1; i++) {
    const tool = tools[i % tools.length];
    const args = JSON.stringify({
      query: `retry charge ${i}`,
      path: `src/billing/mod_${i % 40}.ts`,
      limit: 20 + (i % 7),
    });
    steps.push({
      message: {
        role: "assistant",
        content: i % 5 === 0 ? `Step ${i}: checking ${tool} next, since the last result mentioned a retry loop.` : null,
        tool_calls: [{ id: `call_${i}`, type: "function", function: { name: tool, arguments: args } }],
      },
      toolsLoaded: i === 0 ? tools : [],
      latencyMs: 400 + ((i * 37) % 900),
      startedAt: new Date(t0 + i * 3000).toISOString(),
    });
    const rows = 3 + (i % 12);
    const output =
      i % 50 === 7
        ? `${"2026-03-01T10:00:00Z INFO billing retry attempt scheduled backoff=2s charge=ch_1234\n".repeat(260)}`
        : JSON.stringify({
            results: Array.from({ length: rows }, (_, k) => ({
              file: `src/billing/mod_${(i + k) % 40}.ts`,
              line: 10 + k * 7,
              text: `await retryCharge(chargeId, { attempts: ${k + 1}, backoffMs: ${250 * (k + 1)} })`,
            })),
          });
    steps.push({
      message: { role: "tool", tool_call_id: `call_${i}`, content: output },
      ...(i % 97 === 3 ? { error: "timeout after 30 s" } : {}),
      latencyMs: 50 + (i % 300),
      startedAt: new Date(t0 + i * 3000 + 1500).toISOString(),
    });
  }
  steps.push({ message: { role: "assistant", content: "The billing service retries in three places: ..." } });
  return {
    id: "bench-2000",
    task: { id: "billing-retries" },
    policy: { model: "qwen3-8b" },
    loadingStrategy: "itl",
    contextLimit: 131072,
    tools: tools.map((name) => ({ name, description: `${name} tool`, inputSchema: { type: "object" } })),
    initialTools: [],
    steps,
    outcome: "pass",
    reward: 0.8,
  };
}

async function signIn() {
  const r = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(admin),
  });
  if (r.status !== 200) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function ingestSmall(projectId: string) {
  const pgPort = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3];
  const sql = postgres(`postgres://atlas:atlas@127.0.0.1:${pgPort}/atlas`, { max: 2, onnotice: () => {} });
  const e = episode();
  const [r] = await ingestTrajectories({
    db: createDb(sql),
    projectId,
    items: validateRecords([{ ...e, id: "bench-10", steps: e.steps.slice(0, 10) }]),
  });
  await sql.end();
  if (r.status === "invalid") throw new Error(JSON.stringify(r.errors));
  return r.id;
}

/** From navigation: the first step on screen, then → in replay answered; median of RUNS after a warm-up. */
async function measure(context: BrowserContext, url: string, steps: number) {
  const first: number[] = [];
  const answered: number[] = [];
  const keyLatency: number[] = [];
  const phase = {
    html: [] as number[],
    dcl: [] as number[],
    apiStart: [] as number[],
    apiEnd: [] as number[],
    apiRequests: [] as number[],
  };
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    await page.goto(`${base}${url}?replay=1&step=0`, { waitUntil: "commit" });
    await page.waitForSelector("[data-step-index]", { state: "visible", timeout: 60_000 });
    const tFirst = await page.evaluate(() => performance.now());
    const phases = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const apis = performance
        .getEntriesByType("resource")
        .filter((e) => /\/api\/v1\/projects\/[^/]+\/trajectories\/[^/?]+$/.test(e.name)) as PerformanceResourceTiming[];
      const api = apis[0];
      return {
        html: nav.responseEnd,
        dcl: nav.domContentLoadedEventEnd,
        apiStart: api?.startTime ?? Number.NaN,
        apiEnd: api?.responseEnd ?? Number.NaN,
        apiRequests: apis.length,
      };
    });
    await page.evaluate(() => {
      const w = window as unknown as { keyAt?: number; answerAt?: number };
      window.addEventListener("keydown", () => (w.keyAt ??= performance.now()), { capture: true });
      const el = document.querySelector("[data-testid=step-counter]") as HTMLElement;
      new MutationObserver(() => {
        if (el.textContent?.includes("#1 ")) w.answerAt ??= performance.now();
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => (window as unknown as { answerAt?: number }).answerAt !== undefined);
    const [keyAt, answerAt] = await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; answerAt: number };
      return [w.keyAt, w.answerAt];
    });
    if (i > 0) {
      // the first visit builds the route's bundles; it is not what a user sees twice
      first.push(tFirst);
      for (const k of Object.keys(phase) as (keyof typeof phase)[]) phase[k].push(phases[k]);
      answered.push(answerAt);
      keyLatency.push(answerAt - keyAt);
    }
    await page.close();
  }
  const requests = Math.max(...phase.apiRequests);
  console.log(`viewer, ${steps} steps, Chromium 1440x900, median of ${RUNS} (after one warm-up):`);
  console.log(
    `  navigation -> first step visible:   ${ms(median(first))}   (runs: ${first.map(Math.round).join(", ")})`,
  );
  console.log(
    `    HTML ${ms(median(phase.html))}, DOMContentLoaded ${ms(median(phase.dcl))}, ` +
      `episode request ${ms(median(phase.apiStart))} -> ${ms(median(phase.apiEnd))} (${requests} request${requests > 1 ? "s" : ""}), ` +
      `drawn ${ms(median(first.map((f, i) => f - phase.apiEnd[i])))} after it answered`,
  );
  console.log(`  navigation -> → key press answered:  ${ms(median(answered))}`);
  console.log(`  key press -> step counter updated:   ${ms(median(keyLatency))}`);
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
const studio = await startStudio({ port, dataDir, admin });
try {
  const cookies = await signIn();
  const headers = { cookie: cookies.join("; "), origin: base, "content-type": "application/json" };
  const project = (await (
    await fetch(`${base}/api/v1/projects`, { method: "POST", headers, body: JSON.stringify({ name: "bench viewer" }) })
  ).json()) as { id: string };

  const pgPort = fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[3];
  const sql = postgres(`postgres://atlas:atlas@127.0.0.1:${pgPort}/atlas`, { max: 2, onnotice: () => {} });
  const t0 = performance.now();
  const [res] = await ingestTrajectories({
    db: createDb(sql),
    projectId: project.id,
    items: validateRecords([episode()]),
  });
  await sql.end();
  if (res.status === "invalid") throw new Error(JSON.stringify(res.errors));
  console.log(`ingested ${STEPS} steps in ${ms(performance.now() - t0)}`);
  const url = `/projects/${project.id}/trajectories/${res.id}`;

  // the API alone
  const apiTimes: number[] = [];
  let bytes = 0;
  let encoding = "none";
  for (let i = 0; i < RUNS + 1; i++) {
    const s = performance.now();
    const r = await fetch(`${base}/api/v1/projects/${project.id}/trajectories/${res.id}`, {
      headers: { ...headers, "accept-encoding": "gzip" },
    });
    const body = await r.arrayBuffer();
    if (i > 0) apiTimes.push(performance.now() - s); // the first call warms the route
    bytes = body.byteLength;
    encoding = r.headers.get("content-encoding") ?? "none";
  }
  console.log(
    `API GET trajectory (${STEPS} steps): median ${ms(median(apiTimes))} of ${RUNS}, ${(bytes / 1e6).toFixed(2)} MB JSON (content-encoding: ${encoding})`,
  );

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies(
    cookies.map((c) => {
      const [name, ...v] = c.split("=");
      return { name, value: v.join("="), url: base };
    }),
  );
  const tiny = await ingestSmall(project.id);
  await measure(context, url, STEPS);
  // the same page with a 10-step episode: what the page costs whatever the episode's length
  await measure(context, `/projects/${project.id}/trajectories/${tiny}`, 10);
  await browser.close();
} finally {
  studio.kill("SIGINT");
  await new Promise((r) => studio.once("exit", r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
