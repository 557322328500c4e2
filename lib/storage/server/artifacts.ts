import { and, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { artifacts } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function listArtifacts({ db, projectId, jobId }: { db: DbOrTx; projectId: string; jobId?: string }) {
  const where: SQL[] = [eq(artifacts.projectId, projectId)];
  if (jobId) where.push(eq(artifacts.jobId, jobId));
  const rows = await db
    .select()
    .from(artifacts)
    .where(and(...where))
    .orderBy(desc(artifacts.createdAt))
    .limit(200);
  return rows.map((a) => ({
    id: a.id,
    jobId: a.jobId,
    kind: a.kind,
    filename: a.filename,
    bytes: a.bytes,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function getArtifact({
  db,
  projectId,
  artifactId,
}: {
  db: DbOrTx;
  projectId: string;
  artifactId: string;
}) {
  const [a] = await db
    .select()
    .from(artifacts)
    .where(and(eq(artifacts.id, artifactId), eq(artifacts.projectId, projectId)));
  if (!a) throw notFound("The artifact", "artifactId");
  return a;
}
