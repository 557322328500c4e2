import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labelSchemas, labels } from "@/db/schema";
import type { LabelSchemaView } from "../schemas";
import { toSchemaView } from "./to-view";

export async function listLabelSchemas({
  db,
  projectId,
  archived = "exclude",
  ids,
}: {
  db: DbOrTx;
  projectId: string;
  archived?: "include" | "exclude" | "only";
  /** only these (a queue's schemas), in this order */
  ids?: string[];
}): Promise<LabelSchemaView[]> {
  const where: SQL[] = [eq(labelSchemas.projectId, projectId)];
  if (archived !== "include") where.push(eq(labelSchemas.archived, archived === "only"));
  if (ids) {
    if (!ids.length) return [];
    where.push(inArray(labelSchemas.id, ids));
  }
  const rows = await db
    .select()
    .from(labelSchemas)
    .where(and(...where))
    .orderBy(asc(labelSchemas.createdAt), asc(labelSchemas.name));
  if (!rows.length) return [];
  const counts = await db
    .select({ id: labels.labelSchemaId, n: count() })
    .from(labels)
    .where(
      inArray(
        labels.labelSchemaId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(labels.labelSchemaId);
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  const views = rows.map((r) => toSchemaView(r, byId.get(r.id) ?? 0));
  if (!ids) return views;
  const order = new Map(ids.map((id, i) => [id, i]));
  return views.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
