// npm run bench:start - seconds from `atlas start` to the first HTTP 200 of /api/v1/health:
//   cold: a new data folder (initdb, migrations, demo data) and a production build;
//   warm: the same folder again, the build current.
// --clean removes .next first so that the cold build starts without Next's cache.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = 3290;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-bench-start-"));
const url = `http://localhost:${port}/api/v1/health`;

async function timeStart(label: string) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["bin/atlas.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      ATLAS_DATA_DIR: dataDir,
      ATLAS_ADMIN_EMAIL: "bench@atlas.local",
      ATLAS_ADMIN_PASSWORD: "bench-password",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${log}`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label}: ${seconds.toFixed(1)} s to the first 200`);
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
  return seconds;
}

if (process.argv.includes("--clean")) fs.rmSync(".next", { recursive: true, force: true });
else fs.rmSync(path.join(".next", "atlas-source-stamp"), { force: true }); // forces the build, Next's cache kept
const cold = await timeStart("cold (new data folder, build)");
const warm = await timeStart("warm (same data folder, current build)");
console.log(`warm start is ${(cold / warm).toFixed(1)}x faster than cold`);
fs.rmSync(dataDir, { recursive: true, force: true });
