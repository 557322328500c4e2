import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { toPolicyView } from "./to-view";

export async function getPolicyRow({ db, projectId, policyId }: { db: DbOrTx; projectId: string; policyId: string }) {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.id, policyId), eq(policies.projectId, projectId)));
  if (!row) throw notFound("The policy", "policyId");
  return row;
}

export async function getPolicy(args: { db: DbOrTx; projectId: string; policyId: string }) {
  return toPolicyView(await getPolicyRow(args));
}
