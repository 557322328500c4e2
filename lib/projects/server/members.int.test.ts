import { verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { account, user } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { addMember, listMembers, removeMember, updateMemberRole } from "./members";

const { db } = connectTestDb();

describe("members", () => {
  it("adds a new email as a user with a one-time password that verifies", async () => {
    const { project } = await makeProject(db);
    const email = `new-${crypto.randomUUID().slice(0, 8)}@test.dev`;
    const m = await addMember({ db, projectId: project.id, input: { email, role: "labeler" } });
    expect(m.role).toBe("labeler");
    expect(m.initialPassword).toHaveLength(16);
    const [u] = await db.select().from(user).where(eq(user.email, email));
    const [acc] = await db
      .select()
      .from(account)
      .where(and(eq(account.userId, u.id), eq(account.providerId, "credential")));
    expect(await verifyPassword({ hash: acc.password!, password: m.initialPassword! })).toBe(true);
    const again = await addMember({
      db,
      projectId: (await makeProject(db)).project.id,
      input: { email, role: "viewer" },
    });
    expect(again.initialPassword).toBeNull();
  });

  it("refuses to add a member twice", async () => {
    const { project, users } = await makeProject(db);
    await expect(
      addMember({ db, projectId: project.id, input: { email: users.admin.email, role: "viewer" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      field: "email",
    });
  });

  it("keeps at least one admin", async () => {
    const { project, users } = await makeProject(db, { admin: 1, editor: 1 });
    await expect(
      updateMemberRole({ db, projectId: project.id, userId: users.admin.id, input: { role: "viewer" } }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(removeMember({ db, projectId: project.id, userId: users.admin.id })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await updateMemberRole({ db, projectId: project.id, userId: users.editor.id, input: { role: "admin" } });
    await removeMember({ db, projectId: project.id, userId: users.admin.id });
    expect((await listMembers({ db, projectId: project.id })).map((m) => m.role)).toEqual(["admin"]);
  });
});
