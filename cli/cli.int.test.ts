// The atlas command as a user runs it: a child process on the test database.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { verifyApiKey } from "@/lib/api-keys/server/verify-api-key";

const { db } = connectTestDb();

function atlas(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/atlas.mjs", ...args], {
    env: process.env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("atlas CLI", () => {
  it("creates an API key for a named project, prints its secret once, and says it acts as the local admin", async () => {
    const { project } = await makeProject(db);
    const r = atlas("apikey", "create", "--project", project.id, "--scopes", "read,ingest", "--name", "trainer");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("acting as the local admin");
    const secret = r.out.match(/Secret \(shown once\): (atlas_\S+)/)?.[1];
    expect(await verifyApiKey({ db, secret: secret! })).toMatchObject({
      projectId: project.id,
      scopes: ["read", "ingest"],
    });
    const list = atlas("apikey", "list", "--project", project.id);
    expect(list.out).toContain("trainer");
    expect(list.out).not.toContain(secret!);
  });

  it("prints a clear error and exits 1 on bad input, changing nothing", async () => {
    const { project } = await makeProject(db);
    const r = atlas("apikey", "create", "--project", project.id, "--scopes", "read,admin");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scopes\.1: Invalid option: expected one of "read"\|"ingest"\|"judge"\|"run"/);
    expect(atlas("apikey", "list", "--project", project.id).out).toContain("(none)");
    const missing = atlas("jobs", "list", "--project", "no such project");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("No project 'no such project'");
  });

  it("creates a user with a generated password and refuses a duplicate", async () => {
    const email = `cli-${crypto.randomUUID().slice(0, 8)}@test.dev`;
    const r = atlas("user", "create", "--email", email);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Password \(shown once\): \S{16}/);
    const again = atlas("user", "create", "--email", email);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`A user with the email ${email} already exists`);
  });

  it("lists jobs with their progress", async () => {
    const { project } = await makeProject(db);
    const q = atlas("jobs", "export", "--project", project.id);
    expect(q.code, q.err).toBe(0);
    const list = atlas("jobs", "list", "--project", project.id);
    expect(list.out).toMatch(/project\.export\s+queued\s+0\/\?/);
  });
});
