import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import type { Access } from "@/lib/api/contract";
import { createApiKey } from "@/lib/api-keys/server/create-api-key";
import { AppError } from "@/lib/errors";
import { authorize } from "./authorize";
import type { Caller } from "./resolve-caller";

const { db } = connectTestDb();

async function status(access: Access, caller: Caller | null, projectId?: string) {
  try {
    await authorize({ db, access, caller, projectId });
    return 200;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { UNAUTHENTICATED: 401, FORBIDDEN: 403 }[e.code as "FORBIDDEN"] ?? 500;
  }
}

const asUser = (u: { id: string; email: string }): Caller => ({
  kind: "user",
  userId: u.id,
  email: u.email,
  name: "x",
});

describe("authorize", () => {
  it("answers 401 without a caller, for every kind of protected access", async () => {
    expect(await status({ kind: "user" }, null)).toBe(401);
    expect(await status({ kind: "project", role: "viewer", scope: "read" }, null, crypto.randomUUID())).toBe(401);
    expect(await status({ kind: "public" }, null)).toBe(200);
  });

  it("orders roles admin > editor > labeler > viewer", async () => {
    const { project, users } = await makeProject(db, { admin: 1, editor: 1, labeler: 1, viewer: 1 });
    const need = (role: "admin" | "editor" | "labeler" | "viewer") => ({ kind: "project", role, scope: null }) as const;
    const grid: Record<string, number[]> = {};
    for (const who of ["admin", "editor", "labeler", "viewer"])
      grid[who] = await Promise.all(
        (["admin", "editor", "labeler", "viewer"] as const).map((r) => status(need(r), asUser(users[who]), project.id)),
      );
    expect(grid).toEqual({
      admin: [200, 200, 200, 200],
      editor: [403, 200, 200, 200],
      labeler: [403, 403, 200, 200],
      viewer: [403, 403, 403, 200],
    });
  });

  it("refuses members of another project with 403", async () => {
    const a = await makeProject(db);
    const b = await makeProject(db);
    expect(await status({ kind: "project", role: "viewer", scope: "read" }, asUser(a.users.admin), b.project.id)).toBe(
      403,
    );
  });

  it("checks an API key's project and scopes, and refuses keys on user-only routes", async () => {
    const a = await makeProject(db);
    const b = await makeProject(db);
    const key = await createApiKey({
      db,
      projectId: a.project.id,
      userId: null,
      input: { name: "k", scopes: ["read"] },
    });
    const caller: Caller = { kind: "key", keyId: key.id, projectId: a.project.id, scopes: ["read"] };
    expect(await status({ kind: "project", role: "viewer", scope: "read" }, caller, a.project.id)).toBe(200);
    expect(await status({ kind: "project", role: "editor", scope: "run" }, caller, a.project.id)).toBe(403);
    expect(await status({ kind: "project", role: "viewer", scope: "read" }, caller, b.project.id)).toBe(403);
    expect(await status({ kind: "project", role: "admin", scope: null }, caller, a.project.id)).toBe(403);
    expect(await status({ kind: "user" }, caller)).toBe(403);
  });

  it("admits keys with the scope on the short-form key routes, on the key's own project, and no members", async () => {
    const { project, users } = await makeProject(db, { admin: 1 });
    const key = await createApiKey({
      db,
      projectId: project.id,
      userId: null,
      input: { name: "k", scopes: ["ingest"] },
    });
    const caller: Caller = { kind: "key", keyId: key.id, projectId: project.id, scopes: ["ingest"] };
    expect(await authorize({ db, access: { kind: "key", scope: "ingest" }, caller })).toMatchObject({
      projectId: project.id,
    });
    expect(await status({ kind: "key", scope: "judge" }, caller)).toBe(403);
    expect(await status({ kind: "key", scope: "ingest" }, asUser(users.admin))).toBe(403);
    expect(await status({ kind: "key", scope: "ingest" }, null)).toBe(401);
  });
});
