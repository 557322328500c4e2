import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { policies } from "@/db/schema";
import { type PolicyInput, policyInput } from "../schemas";
import { getPolicyRow } from "./get-policy";
import { toPolicyView } from "./to-view";

function split(input: PolicyInput) {
  const { name, baseUrl, model, apiKey, ...settings } = policyInput.parse(input);
  return { name, baseUrl, model, apiKey, settings };
}

export async function addPolicy({ db, projectId, input }: { db: DbOrTx; projectId: string; input: PolicyInput }) {
  const { name, baseUrl, model, apiKey, settings } = split(input);
  const [row] = await db
    .insert(policies)
    .values({ projectId, name, baseUrl, model, config: { ...settings, apiKey: apiKey ?? null } })
    .returning();
  return toPolicyView(row);
}

/** Replaces name, endpoint and settings; an API key left out of the update is kept, null removes it. */
export async function updatePolicy({
  db,
  projectId,
  policyId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  policyId: string;
  input: PolicyInput;
}) {
  const { name, baseUrl, model, apiKey, settings } = split(input);
  const before = await getPolicyRow({ db, projectId, policyId });
  const storedKey = (before.config as { apiKey?: string | null }).apiKey ?? null;
  const [row] = await db
    .update(policies)
    .set({ name, baseUrl, model, config: { ...settings, apiKey: apiKey === undefined ? storedKey : apiKey } })
    .where(and(eq(policies.id, policyId), eq(policies.projectId, projectId)))
    .returning();
  return toPolicyView(row);
}
