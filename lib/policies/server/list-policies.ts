import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies } from "@/db/schema";
import { toPolicyView } from "./to-view";

export async function listPolicies({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db
    .select()
    .from(policies)
    .where(eq(policies.projectId, projectId))
    .orderBy(desc(policies.createdAt), desc(policies.id));
  return rows.map(toPolicyView);
}
