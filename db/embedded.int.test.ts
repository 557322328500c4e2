import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDb } from "./embedded";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-embedded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the embedded database", () => {
  it("recovers the postmaster that a process killed with -9 left behind, keeping its data", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/test/embedded-child.ts", dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        const m = String(d).match(/up (\d+)/);
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", () => reject(new Error("child exited before the database was up")));
    });
    const url = `postgres://atlas:atlas@127.0.0.1:${port}/atlas`;
    const before = postgres(url, { max: 1 });
    await before`create table kept (n int)`;
    await before`insert into kept values (42)`;
    await before.end();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const orphan = Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    expect(alive(orphan)).toBe(true);

    const db = await startEmbeddedDb(dir);
    try {
      expect(db.owned).toBe(true);
      expect(alive(orphan)).toBe(false);
      const sql = postgres(db.url, { max: 1 });
      expect(await sql`select n from kept`).toEqual([{ n: 42 }]);
      await sql.end();
    } finally {
      await db.stop();
    }
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("joins a running database when asked to attach, without taking it over", async () => {
    const owner = await startEmbeddedDb(dir);
    try {
      const guest = await startEmbeddedDb(dir, { attach: true });
      expect(guest.owned).toBe(false);
      expect(guest.url).toBe(owner.url);
      await guest.stop();
      const sql = postgres(owner.url, { max: 1 });
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
      await sql.end();
    } finally {
      await owner.stop();
    }
  });
});
