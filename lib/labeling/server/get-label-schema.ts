import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labelSchemas, labels } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { toSchemaView } from "./to-view";

/** The stored row of a label schema of the project, or 404 naming `field`. */
export async function loadLabelSchema(db: DbOrTx, projectId: string, labelSchemaId: string, field = "labelSchemaId") {
  const [row] = await db
    .select()
    .from(labelSchemas)
    .where(and(eq(labelSchemas.projectId, projectId), eq(labelSchemas.id, labelSchemaId)));
  if (!row) throw notFound("The label schema", field);
  return row;
}

export async function getLabelSchema({
  db,
  projectId,
  labelSchemaId,
}: {
  db: DbOrTx;
  projectId: string;
  labelSchemaId: string;
}) {
  const row = await loadLabelSchema(db, projectId, labelSchemaId);
  const [{ n }] = await db.select({ n: count() }).from(labels).where(eq(labels.labelSchemaId, row.id));
  return toSchemaView(row, n);
}
