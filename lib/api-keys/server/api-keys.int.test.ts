import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";
import { verifyApiKey } from "./verify-api-key";

const { db } = connectTestDb();

describe("API keys", () => {
  it("stores only a hash, verifies the secret, and stops verifying once revoked", async () => {
    const { project } = await makeProject(db);
    const k = await createApiKey({
      db,
      projectId: project.id,
      userId: null,
      input: { name: "trainer", scopes: ["ingest", "run"] },
    });
    expect(k.key).toMatch(/^atlas_[A-Za-z0-9_-]{40,}$/);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, k.id));
    expect(JSON.stringify(row)).not.toContain(k.key.slice(10));
    expect(await verifyApiKey({ db, secret: k.key })).toMatchObject({
      projectId: project.id,
      scopes: ["ingest", "run"],
    });
    expect(await verifyApiKey({ db, secret: `${k.key}x` })).toBeNull();
    const listed = await listApiKeys({ db, projectId: project.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("key");
    await revokeApiKey({ db, projectId: project.id, keyId: k.id });
    expect(await verifyApiKey({ db, secret: k.key })).toBeNull();
  });

  it("rejects empty scopes and unknown scopes, naming the field", async () => {
    const { project } = await makeProject(db);
    await expect(
      createApiKey({ db, projectId: project.id, userId: null, input: { name: "x", scopes: [] } }),
    ).rejects.toThrow(/scope/);
    await expect(
      createApiKey({ db, projectId: project.id, userId: null, input: { name: "x", scopes: ["admin" as "read"] } }),
    ).rejects.toThrow();
    expect(await listApiKeys({ db, projectId: project.id })).toHaveLength(0);
  });

  it("cannot revoke another project's key", async () => {
    const a = await makeProject(db);
    const b = await makeProject(db);
    const k = await createApiKey({ db, projectId: a.project.id, userId: null, input: { name: "k", scopes: ["read"] } });
    await expect(revokeApiKey({ db, projectId: b.project.id, keyId: k.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await verifyApiKey({ db, secret: k.key })).not.toBeNull();
  });
});
