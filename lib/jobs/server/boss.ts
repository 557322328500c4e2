import type PgBoss from "pg-boss";
import { createBoss, ensureQueue } from "./queue";

const key = Symbol.for("atlas.boss");
const holder = globalThis as unknown as { [key]?: Promise<PgBoss> };

/** A sending-only pg-boss for processes that launch jobs but do not run them (web, CLI). */
export function getSenderBoss(): Promise<PgBoss> {
  if (!holder[key]) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    holder[key] = (async () => {
      const boss = createBoss(url, { supervise: false });
      boss.on("error", (e) => console.error("queue:", e.message));
      await boss.start();
      await ensureQueue(boss);
      return boss;
    })();
  }
  return holder[key];
}

export async function stopSenderBoss() {
  const b = holder[key];
  holder[key] = undefined;
  if (b) await (await b).stop({ graceful: false, wait: true });
}
