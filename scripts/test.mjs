#!/usr/bin/env node
// The whole test suite, as `npm test` runs it: lint and layout, types, unit tests, database
// tests on real PostgreSQL, then browser and API journeys in Chromium. Ends with one
// "N passed, N failed" line over all test runners.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const out = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
}

const only = process.argv[2]; // optional: lint | unit | int | e2e
const want = (step) => !only || only === step;

if (want("lint")) {
  run("format and lint", "npx", ["biome", "check", "--error-on-warnings", "."]);
  run("layout", "npx", [
    "depcruise",
    "--config",
    ".dependency-cruiser.cjs",
    "app",
    "components",
    "lib",
    "db",
    "workers",
    "cli",
  ]);
  run("types", "npx", ["tsc", "--noEmit", "-p", "."]);
}
for (const project of ["unit", "int"]) {
  if (!want(project)) continue;
  const file = path.join(out, `${project}.json`);
  run(`${project} tests`, "npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  countVitest(file);
}
if (want("e2e")) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    console.error(`\nNo Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    failures.push("e2e (no browser)");
  } else {
    const file = path.join(out, "e2e.json");
    run("browser and API journeys", "npx", ["playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    });
    if (fs.existsSync(file)) {
      const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
      totals.passed += s.expected + s.flaky;
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
    }
  }
}

fs.rmSync(out, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed steps: ${failures.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failures.length ? 1 : 0);
