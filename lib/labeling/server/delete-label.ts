import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";

/** Deletes one of the caller's own labels; other people's labels are theirs to change. */
export async function deleteLabel({
  db,
  projectId,
  trajectoryId,
  labelId,
  userId,
}: {
  db: DbOrTx;
  projectId: string;
  trajectoryId: string;
  labelId: string;
  userId: string;
}) {
  const [row] = await db
    .select({ id: labels.id, authorId: labels.authorId })
    .from(labels)
    .where(and(eq(labels.id, labelId), eq(labels.projectId, projectId), eq(labels.trajectoryId, trajectoryId)));
  if (!row) throw notFound("The label", "labelId");
  if (row.authorId !== userId)
    throw new AppError("FORBIDDEN", "This label is someone else's: you can delete only your own");
  await db.delete(labels).where(eq(labels.id, labelId));
  return { id: labelId };
}
