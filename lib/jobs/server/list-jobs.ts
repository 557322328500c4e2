import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { jobs } from "@/db/schema";
import type { jobListQuery } from "../schemas";
import { toJobView } from "./to-view";

export async function listJobs({
  db,
  projectId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  query: z.infer<typeof jobListQuery>;
}) {
  const where: SQL[] = [eq(jobs.projectId, projectId)];
  if (query.status) where.push(eq(jobs.status, query.status));
  if (query.type) where.push(eq(jobs.type, query.type));
  if (query.before) where.push(lt(jobs.createdAt, new Date(query.before)));
  const rows = await db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.createdAt))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(toJobView);
  const nextBefore = rows.length > query.limit ? items[items.length - 1].createdAt : null;
  return { items, nextBefore };
}
