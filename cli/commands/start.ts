// The launcher: database, migrations, first-start data, web server (built when needed) and one
// worker. Ctrl-C stops them all; a launcher killed with -9 is cleaned up by the next start.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { closeDb, getDb } from "@/db/client";
import { openDatabase } from "@/db/database";
import { runMigrations } from "@/db/migrate";
import { getAuthSecret } from "@/lib/auth/server/secret";
import { getConfig } from "@/lib/config";
import { runFirstStart } from "@/lib/setup/server/first-start";
import { buildIfNeeded } from "../build";
import { info } from "../output";

const portInUse = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(true));
    s.listen(port, () => s.close(() => resolve(false)));
  });

async function waitForHealth(url: string, child: ChildProcess, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error("The web server exited during start-up (see above)");
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The web server did not answer on ${url} within ${ms / 1000} s`);
}

export async function start({ dev = false }: { dev?: boolean }) {
  const t0 = Date.now();
  const config = getConfig();
  if (await portInUse(config.PORT))
    throw new Error(`Port ${config.PORT} is in use: stop what runs there or start with PORT=<another port>`);
  const db = await openDatabase(config.dataDir, { log: info });
  info(
    db.embedded
      ? `Database: embedded PostgreSQL on port ${db.embedded.port} (data in ${config.dataDir}/pg)`
      : "Database: DATABASE_URL",
  );
  const children: ChildProcess[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    info("Stopping...");
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill("SIGKILL"), 25_000);
            c.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await closeDb();
    await db.stop();
    info("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await runMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    const first = await runFirstStart({
      db: getDb().db,
      adminEmail: config.ATLAS_ADMIN_EMAIL,
      adminPassword: config.ATLAS_ADMIN_PASSWORD,
      seedDemo: config.ATLAS_SEED_DEMO === "1",
    });
    await closeDb();
    if (!dev) buildIfNeeded(info);

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      BETTER_AUTH_SECRET: getAuthSecret(),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const watch = ["--import", "./bin/parent-watch.mjs"];
    const next = ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(config.PORT)];
    const web = spawn(process.execPath, [...watch, ...next], { env, stdio: ["ignore", "inherit", "inherit"] });
    children.push(web);
    web.on("exit", (code) => {
      if (!stopping) {
        info(`The web server exited (code ${code}); stopping everything.`);
        void shutdown(1);
      }
    });
    const startWorker = () => {
      const w = spawn(process.execPath, [...watch, "bin/atlas.mjs", "worker"], {
        env,
        stdio: ["ignore", "inherit", "inherit"],
      });
      children.push(w);
      w.on("exit", (code) => {
        if (stopping) return;
        info(`The worker exited (code ${code}); starting another in 2 s.`);
        setTimeout(() => !stopping && startWorker(), 2000);
      });
    };
    startWorker();
    await waitForHealth(config.baseUrl, web);

    info("");
    info(`Atlas Studio is running at ${config.baseUrl}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (first.admin.password) {
      info(`Sign in as ${first.admin.email} with this one-time password: ${first.admin.password}`);
      info(
        "It is shown only now. Change it under Settings > Account, or reset it: npx atlas user reset-password --email ...",
      );
    } else
      info(
        `Sign in as ${first.admin.email}${config.ATLAS_ADMIN_PASSWORD ? " (password from ATLAS_ADMIN_PASSWORD)" : ""}.`,
      );
    info("Press Ctrl-C to stop.");
  } catch (err) {
    info(err instanceof Error ? err.message : String(err));
    await shutdown(1);
  }
}
