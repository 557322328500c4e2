// Shared by the labeling database tests: the HTTP answer a refused call would get, and a few
// trajectories of a project.
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { trajectories } from "@/db/schema";
import { makeTrajectories } from "@/db/test/factories";
import { errorResponse } from "@/lib/api/server/respond";

/** The status and error body the API would answer for a call that throws. */
export async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the call should have been refused").not.toBeNull();
  const res = errorResponse(err);
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  return { status: res.status, ...body.error };
}

/** n trajectories with two steps each; their ids in creation order. */
export async function trajectoryIds(db: Db, projectId: string, n: number) {
  await makeTrajectories(db, projectId, n);
  const rows = await db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(eq(trajectories.projectId, projectId))
    .orderBy(asc(trajectories.clientId));
  return rows.map((r) => r.id);
}
