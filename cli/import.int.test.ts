// atlas import as a user runs it: a child process on the test database, a file in another folder.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { trajectories } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { episode, jsonl } from "@/lib/imports/test-samples";

const { db } = connectTestDb();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-import-"));

function atlas(...args: string[]) {
  const r = spawnSync(process.execPath, [path.resolve("bin/atlas.mjs"), ...args], {
    cwd: dir,
    env: process.env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rows = async (projectId: string) =>
  (await db.select({ n: count() }).from(trajectories).where(eq(trajectories.projectId, projectId)))[0].n;

describe("atlas import", () => {
  it("imports a JSONL file given by a path relative to the caller, with a mapping override, and says what it did", async () => {
    const { project } = await makeProject(db);
    fs.writeFileSync(path.join(dir, "good.jsonl"), jsonl([episode(1), episode(2), episode(3)]));
    const r = atlas("import", "good.jsonl", "--project", project.id, "--map", "taskId=split");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("3 records (jsonl), 0 invalid, in 1 pages");
    expect(r.err).toContain("taskId=split");
    expect(r.out).toMatch(/Imported 3 records in [\d.]+ s: 3 created, 0 already there, 0 invalid/);
    const [t] = await db.select().from(trajectories).where(eq(trajectories.projectId, project.id)).limit(1);
    expect(t.taskRef).toBe("train");
    const again = atlas("import", "good.jsonl", "--project", project.id);
    expect(again.out).toContain("0 created, 3 already there");
    expect(await rows(project.id)).toBe(3);
  });

  it("all-or-nothing: exits 1 with the bad lines and imports nothing; valid-only skips them", async () => {
    const { project } = await makeProject(db);
    fs.writeFileSync(path.join(dir, "mixed.jsonl"), jsonl([episode(1), "{broken", episode(2)]));
    const r = atlas("import", "mixed.jsonl", "--project", project.id);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2: not valid JSON/);
    expect(r.err).toMatch(/atlas: 1 of 3 records are invalid.*Nothing was imported/);
    expect(await rows(project.id)).toBe(0);
    const v = atlas("import", "mixed.jsonl", "--project", project.id, "--mode", "valid-only");
    expect(v.code, v.err).toBe(0);
    expect(v.out).toContain("2 created, 0 already there, 1 invalid (skipped)");
    expect(await rows(project.id)).toBe(2);
  });

  it("refuses a bad option naming it", async () => {
    const { project } = await makeProject(db);
    const r = atlas("import", "good.jsonl", "--project", project.id, "--map", "colour=red");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--map targets are messages, id, taskId");
    expect(atlas("import", "missing.jsonl", "--project", project.id).err).toContain("No file");
  });
});
