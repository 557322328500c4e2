// `npm start` serves a production build, building first when there is none for the current sources.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db/schema", "public"];
const FILES = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const STAMP = path.join(".next", "atlas-source-stamp");

function walk(dir: string, out: string[]) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (!/\.(int\.)?test\.tsx?$/.test(e.name)) out.push(p);
  }
}

/** A digest of everything the build reads (paths, sizes, contents), independent of mtimes. */
export function sourceStamp(): string {
  const files: string[] = [];
  for (const d of SOURCES) walk(d, files);
  for (const f of FILES) if (fs.existsSync(f)) files.push(f);
  const h = createHash("sha256");
  for (const f of files.sort()) h.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIsCurrent(): boolean {
  return (
    fs.existsSync(path.join(".next", "BUILD_ID")) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, "utf8") === sourceStamp()
  );
}

export function buildIfNeeded(log: (line: string) => void) {
  if (buildIsCurrent()) return false;
  log("Building the web app (first start, or the sources changed); this takes a minute...");
  const stamp = sourceStamp();
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed (see above)");
  fs.writeFileSync(STAMP, stamp);
  return true;
}
