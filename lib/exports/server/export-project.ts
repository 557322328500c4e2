// The project export: a JSONL archive, one record per line, `{"type": ..., ...row}`.
// Planned as pages so that each page is one short, idempotent job step.

import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  artifacts,
  labels,
  rubrics,
  rubricVersions,
  scores,
  taskSets,
  tasks,
  trajectories,
  trajectorySteps,
} from "@/db/schema";
import type { Storage } from "@/lib/storage/server/storage";

export const exportKinds = ["task_set", "task", "rubric", "trajectory"] as const;
export type ExportKind = (typeof exportKinds)[number];
/** ids in [from, to), to null for the last page: key ranges stay fast on large projects */
export type ExportPage = { kind: ExportKind; from: string; to: string | null };

const DEFAULT_PAGE = 200;
const tables = { task_set: taskSets, task: tasks, rubric: rubrics, trajectory: trajectories } as const;

export async function planExport({
  db,
  projectId,
  pageSize = DEFAULT_PAGE,
}: {
  db: DbOrTx;
  projectId: string;
  pageSize?: number;
}) {
  const pages: ExportPage[] = [];
  const counts = {} as Record<ExportKind, number>;
  for (const kind of exportKinds) {
    const t = tables[kind];
    const rows = await db.execute<{ id: string; n: number }>(sql`
      select id, total as n from (
        select id, row_number() over (order by id) - 1 as rn, count(*) over () as total
        from ${t} where project_id = ${projectId}::uuid
      ) s where rn % ${pageSize} = 0 order by id`);
    counts[kind] = Number(rows[0]?.n ?? 0);
    rows.forEach((r, i) => {
      pages.push({ kind, from: r.id, to: rows[i + 1]?.id ?? null });
    });
  }
  return { pages, counts };
}

function inPage<T extends typeof taskSets | typeof tasks | typeof rubrics | typeof trajectories>(
  t: T,
  projectId: string,
  page: ExportPage,
) {
  return and(eq(t.projectId, projectId), gte(t.id, page.from), page.to ? lt(t.id, page.to) : undefined);
}

async function readPage(db: DbOrTx, projectId: string, page: ExportPage): Promise<object[]> {
  switch (page.kind) {
    case "task_set":
      return db
        .select()
        .from(taskSets)
        .where(inPage(taskSets, projectId, page))
        .orderBy(asc(taskSets.id));
    case "task":
      return db
        .select()
        .from(tasks)
        .where(inPage(tasks, projectId, page))
        .orderBy(asc(tasks.id));
    case "rubric": {
      const rows = await db
        .select()
        .from(rubrics)
        .where(inPage(rubrics, projectId, page))
        .orderBy(asc(rubrics.id));
      const ids = rows.map((r) => r.id);
      const versions = ids.length
        ? await db.select().from(rubricVersions).where(inArray(rubricVersions.rubricId, ids))
        : [];
      return rows.map((r) => ({ ...r, versions: versions.filter((v) => v.rubricId === r.id) }));
    }
    case "trajectory": {
      const rows = await db
        .select()
        .from(trajectories)
        .where(inPage(trajectories, projectId, page))
        .orderBy(asc(trajectories.id));
      const ids = rows.map((r) => r.id);
      if (!ids.length) return [];
      const [steps, sc, lb] = await Promise.all([
        db
          .select()
          .from(trajectorySteps)
          .where(inArray(trajectorySteps.trajectoryId, ids))
          .orderBy(asc(trajectorySteps.index)),
        db.select().from(scores).where(inArray(scores.trajectoryId, ids)),
        db.select().from(labels).where(inArray(labels.trajectoryId, ids)),
      ]);
      const group = <T extends { trajectoryId: string }>(xs: T[], id: string) =>
        xs.filter((x) => x.trajectoryId === id);
      return rows.map((r) => ({ ...r, steps: group(steps, r.id), scores: group(sc, r.id), labels: group(lb, r.id) }));
    }
  }
}

const partKey = (projectId: string, jobId: string, index: number) =>
  `tmp/${projectId}/${jobId}/part-${String(index).padStart(6, "0")}.jsonl`;

/** Writes one page to its own part file; running it twice writes the same file. */
export async function exportPage({
  db,
  storage,
  projectId,
  jobId,
  index,
  page,
}: {
  db: DbOrTx;
  storage: Storage;
  projectId: string;
  jobId: string;
  index: number;
  page: ExportPage;
}) {
  const rows = await readPage(db, projectId, page);
  const text = rows.map((r) => JSON.stringify({ type: page.kind, ...r })).join("\n");
  await storage.write(partKey(projectId, jobId, index), rows.length ? `${text}\n` : "");
  return { records: rows.length };
}

/** Joins the parts into one gzipped archive and records it as an artifact. */
export async function assembleExport({
  db,
  storage,
  projectId,
  jobId,
  parts,
}: {
  db: DbOrTx;
  storage: Storage;
  projectId: string;
  jobId: string;
  parts: number;
}) {
  const header = JSON.stringify({ type: "atlas_export", version: 1, projectId, exportedAt: new Date().toISOString() });
  async function* lines() {
    yield `${header}\n`;
    for (let i = 0; i < parts; i++) for await (const chunk of storage.read(partKey(projectId, jobId, i))) yield chunk;
  }
  const key = `exports/${projectId}/${jobId}.jsonl.gz`;
  const { bytes } = await storage.write(key, Readable.from(lines()).pipe(createGzip()));
  await db.delete(artifacts).where(eq(artifacts.jobId, jobId)); // a re-run replaces, never duplicates
  const [artifact] = await db
    .insert(artifacts)
    .values({
      projectId,
      jobId,
      kind: "export",
      key,
      filename: `atlas-export-${jobId.slice(0, 8)}.jsonl.gz`,
      contentType: "application/gzip",
      bytes,
    })
    .returning();
  return { artifactId: artifact.id, bytes };
}
