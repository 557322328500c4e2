import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { annotationQueueItems, labelSchemas, labels, trajectories, user } from "@/db/schema";
import { csvLine } from "../csv";
import { type ExportRow, exportColumns, type LabelExportQuery, type LabelValue } from "../schemas";
import { loadLabelSchema } from "./get-label-schema";
import { loadQueue } from "./load-queue";

const BATCH = 1_000;

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "export";

/**
 * The project's labels as JSONL or CSV, read in pages of a thousand in (created, id) order so
 * that any number of labels streams in constant memory. Filters are checked before the first
 * byte, so a wrong id is a clean 404.
 */
export async function exportLabels({
  db,
  projectId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  query: LabelExportQuery;
}) {
  const where: SQL[] = [eq(labels.projectId, projectId)];
  const nameParts = ["labels"];
  if (query.queueId) {
    const q = await loadQueue(db, projectId, query.queueId);
    nameParts.push(slug(q.name));
    where.push(
      inArray(
        labels.trajectoryId,
        db
          .select({ id: annotationQueueItems.trajectoryId })
          .from(annotationQueueItems)
          .where(eq(annotationQueueItems.queueId, q.id)),
      ),
    );
    where.push(q.labelSchemaIds.length ? inArray(labels.labelSchemaId, q.labelSchemaIds) : sql`false`);
  }
  if (query.labelSchemaId) {
    const s = await loadLabelSchema(db, projectId, query.labelSchemaId);
    nameParts.push(slug(s.name));
    where.push(eq(labels.labelSchemaId, s.id));
  }
  nameParts.push(new Date().toISOString().slice(0, 10));
  const filename = `${nameParts.join("-")}.${query.format}`;

  async function* pages() {
    // the cursor is the timestamp as PostgreSQL prints it: a JS Date would drop the microseconds
    let after: { cursor: string; id: string } | null = null;
    for (;;) {
      const page = and(
        ...where,
        ...(after
          ? [sql`(${labels.createdAt}, ${labels.id}) > (${after.cursor}::timestamptz, ${after.id}::uuid)`]
          : []),
      );
      const rows = await db
        .select({
          id: labels.id,
          cursor: sql<string>`${labels.createdAt}::text`,
          trajectoryId: labels.trajectoryId,
          clientId: trajectories.clientId,
          stepIndex: labels.stepIndex,
          schema: labelSchemas.name,
          kind: labelSchemas.kind,
          level: labelSchemas.level,
          value: labels.value,
          authorEmail: user.email,
          authorName: user.name,
          createdAt: labels.createdAt,
          updatedAt: labels.updatedAt,
        })
        .from(labels)
        .innerJoin(labelSchemas, eq(labelSchemas.id, labels.labelSchemaId))
        .innerJoin(trajectories, eq(trajectories.id, labels.trajectoryId))
        .leftJoin(user, eq(user.id, labels.authorId))
        .where(page)
        .orderBy(asc(labels.createdAt), asc(labels.id))
        .limit(BATCH);
      if (!rows.length) return;
      yield rows.map(
        (r): ExportRow => ({
          trajectoryId: r.trajectoryId,
          clientId: r.clientId,
          stepIndex: r.stepIndex,
          schema: r.schema,
          kind: r.kind,
          level: r.level,
          value: r.value as LabelValue,
          authorEmail: r.authorEmail,
          authorName: r.authorName,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
        }),
      );
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = { cursor: last.cursor, id: last.id };
    }
  }

  const csv = query.format === "csv";
  async function* text() {
    if (csv) yield csvLine([...exportColumns]);
    for await (const rows of pages()) {
      let chunk = "";
      for (const r of rows) chunk += csv ? csvLine(exportColumns.map((c) => r[c])) : `${JSON.stringify(r)}\n`;
      yield chunk;
    }
  }
  return {
    filename,
    contentType: csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    text,
  };
}

/** The export as a web stream of UTF-8 bytes, pulled as the client reads. */
export function toByteStream(text: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const it = text();
  const enc = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}
