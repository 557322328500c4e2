import { openDatabase } from "@/db/database";
import { runMigrations } from "@/db/migrate";
import { getConfig } from "@/lib/config";
import { startWorker } from "@/workers/main";
import { info } from "../output";

/** A worker process: SIGTERM or Ctrl-C lets steps in flight finish (or hands them back) and exits. */
export async function worker() {
  const db = await openDatabase(getConfig().dataDir, { attach: true, log: info });
  await runMigrations(db.url);
  const w = await startWorker(db.url, info);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    info(`worker ${process.pid} stopping: finishing the step in flight`);
    await w.stop(true);
    await db.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}
