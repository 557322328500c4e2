import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { judges } from "@/db/schema";
import { toJudgeView } from "./to-view";

export async function listJudges({ db, projectId }: { db: DbOrTx; projectId: string }) {
  const rows = await db
    .select()
    .from(judges)
    .where(eq(judges.projectId, projectId))
    .orderBy(desc(judges.createdAt), desc(judges.id));
  return rows.map(toJudgeView);
}
