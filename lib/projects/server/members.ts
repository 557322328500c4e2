import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memberships, user } from "@/db/schema";
import type { Role } from "@/lib/access/roles";
import { createUser } from "@/lib/auth/server/create-user";
import { conflict, invalid, notFound } from "@/lib/errors";
import { type MemberView, memberInput, memberPatch } from "../schemas";

const columns = {
  userId: memberships.userId,
  email: user.email,
  name: user.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};
const toView = (r: { userId: string; email: string; name: string; role: Role; createdAt: Date }): MemberView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

export async function listMembers({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db
    .select(columns)
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(memberships.createdAt));
  return rows.map(toView);
}

/** Adds a member by email; a new email gets an account with a generated password, shown once. */
export async function addMember({ db, projectId, input }: { db: Db; projectId: string; input: unknown }) {
  const { email, role, name } = memberInput.parse(input);
  return db.transaction(async (tx) => {
    const normalized = email.toLowerCase();
    let [u] = await tx.select().from(user).where(eq(user.email, normalized));
    let initialPassword: string | null = null;
    if (!u) {
      const created = await createUser({ db: tx, input: { email: normalized, name } });
      initialPassword = created.password;
      [u] = await tx.select().from(user).where(eq(user.id, created.id));
    }
    const inserted = await tx
      .insert(memberships)
      .values({ projectId, userId: u.id, role })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw conflict(`${normalized} is already a member of this project`, "email");
    return { ...toView({ ...inserted[0], email: u.email, name: u.name }), initialPassword };
  });
}

async function assertAnotherAdmin(tx: DbOrTx, projectId: string, userId: string) {
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.projectId, projectId), eq(memberships.role, "admin")));
  if (admins.length === 1 && admins[0].userId === userId)
    throw invalid("role", "A project needs at least one admin: make another member admin first");
}

export async function updateMemberRole({
  db,
  projectId,
  userId,
  input,
}: {
  db: Db;
  projectId: string;
  userId: string;
  input: unknown;
}) {
  const { role } = memberPatch.parse(input);
  return db.transaction(async (tx) => {
    if (role !== "admin") await assertAnotherAdmin(tx, projectId, userId);
    const [m] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
      .returning();
    if (!m) throw notFound("The member", "userId");
    const [u] = await tx.select().from(user).where(eq(user.id, userId));
    return toView({ ...m, email: u.email, name: u.name });
  });
}

export async function removeMember({ db, projectId, userId }: { db: Db; projectId: string; userId: string }) {
  return db.transaction(async (tx) => {
    await assertAnotherAdmin(tx, projectId, userId);
    const removed = await tx
      .delete(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)))
      .returning();
    if (!removed.length) throw notFound("The member", "userId");
    return { userId };
  });
}
