import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies } from "@/db/schema";
import { getPolicyRow } from "./get-policy";

/** Deletes a policy; runs that used it keep their policy snapshot (name and model) and results. */
export async function deletePolicy({ db, projectId, policyId }: { db: DbOrTx; projectId: string; policyId: string }) {
  await getPolicyRow({ db, projectId, policyId });
  await db.delete(policies).where(and(eq(policies.id, policyId), eq(policies.projectId, projectId)));
  return { id: policyId, deleted: true as const };
}
