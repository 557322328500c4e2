import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { toApiKeyView } from "./to-view";

export async function listApiKeys({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db.select().from(apiKeys).where(eq(apiKeys.projectId, projectId)).orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKeyView);
}
