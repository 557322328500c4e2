import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { trajectories } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** A trajectory of the project (id and step count), or 404 naming trajectoryId. */
export async function loadTrajectory(db: DbOrTx, projectId: string, trajectoryId: string) {
  const [t] = await db
    .select({ id: trajectories.id, stepCount: trajectories.stepCount, clientId: trajectories.clientId })
    .from(trajectories)
    .where(and(eq(trajectories.projectId, projectId), eq(trajectories.id, trajectoryId)));
  if (!t) throw notFound("The trajectory", "trajectoryId");
  return t;
}
