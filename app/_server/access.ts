// Server-side checks for pages: who is signed in, and their role in a project. Pages and
// layouts call these; the API enforces the same rules on every request it answers.
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { memberships, projects } from "@/db/schema";
import type { Role } from "@/lib/access/roles";
import { getAuth } from "@/lib/auth/server/auth";

export type SessionUser = { id: string; email: string; name: string };

/** One session lookup per request, however many layouts and pages ask. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `path`. */
export async function requireUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return user;
}

export type ProjectAccess =
  | { kind: "anonymous" }
  | { kind: "not-found"; user: SessionUser }
  | { kind: "not-member"; user: SessionUser; projectName: string }
  | { kind: "member"; user: SessionUser; project: { id: string; name: string }; role: Role };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const getProjectAccess = cache(async (projectId: string): Promise<ProjectAccess> => {
  const user = await getSessionUser();
  if (!user) return { kind: "anonymous" };
  if (!UUID.test(projectId)) return { kind: "not-found", user };
  const { db } = getDb();
  const [row] = await db
    .select({ id: projects.id, name: projects.name, role: memberships.role })
    .from(projects)
    .leftJoin(memberships, and(eq(memberships.projectId, projects.id), eq(memberships.userId, user.id)))
    .where(eq(projects.id, projectId));
  if (!row) return { kind: "not-found", user };
  if (!row.role) return { kind: "not-member", user, projectName: row.name };
  return { kind: "member", user, project: { id: row.id, name: row.name }, role: row.role };
});

/**
 * For a project page: redirects to sign-in when nobody is signed in. The project layout has
 * already answered non-members, so the page only renders for members.
 */
export async function requireProjectPage(projectId: string, subPath = "") {
  await requireUser(`/projects/${projectId}${subPath}`);
  const access = await getProjectAccess(projectId);
  if (access.kind !== "member") redirect(`/projects`);
  return access;
}
