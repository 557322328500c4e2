import type { Db } from "@/db/client";
import { csvLine } from "../csv";
import {
  type ExportRow,
  exportColumns,
  type LabelExportQuery,
  type LabelKind,
  type LabelLevel,
  type LabelValue,
} from "../schemas";
import { loadLabelSchema } from "./get-label-schema";
import { loadQueue } from "./load-queue";

const BATCH = 1_000;
/** the shape of Date.toISOString(), as the rest of the API writes times */
const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "export";

type Row = {
  trajectory_id: string;
  client_id: string | null;
  step_index: number | null;
  schema: string;
  kind: LabelKind;
  level: LabelLevel;
  value: LabelValue;
  author_email: string | null;
  author_name: string | null;
  created_at: string;
  updated_at: string;
};

/**
 * The project's labels as JSONL or CSV: one query read through a cursor a thousand rows at a
 * time, pulled as the client reads, so any number of labels streams in constant memory.
 * Filters are checked before the first byte, so a wrong id is a clean 404.
 */
export async function exportLabels({ db, projectId, query }: { db: Db; projectId: string; query: LabelExportQuery }) {
  const pg = db.$client;
  const nameParts = ["labels"];
  let inQueue = pg``;
  if (query.queueId) {
    const q = await loadQueue(db, projectId, query.queueId);
    nameParts.push(slug(q.name));
    inQueue = pg`and l.trajectory_id in (select trajectory_id from annotation_queue_items where queue_id = ${q.id})
      and l.label_schema_id = any(${q.labelSchemaIds}::uuid[])`;
  }
  let ofSchema = pg``;
  if (query.labelSchemaId) {
    const s = await loadLabelSchema(db, projectId, query.labelSchemaId);
    nameParts.push(slug(s.name));
    ofSchema = pg`and l.label_schema_id = ${s.id}`;
  }
  nameParts.push(new Date().toISOString().slice(0, 10));

  async function* rows() {
    const cursor = pg<Row[]>`
      select l.trajectory_id, t.client_id, l.step_index, s.name as schema, s.kind, s.level, l.value,
        u.email as author_email, u.name as author_name,
        to_char(l.created_at at time zone 'UTC', ${ISO}) as created_at,
        to_char(l.updated_at at time zone 'UTC', ${ISO}) as updated_at
      from labels l
      join label_schemas s on s.id = l.label_schema_id
      join trajectories t on t.id = l.trajectory_id
      left join "user" u on u.id = l.author_id
      where l.project_id = ${projectId} ${inQueue} ${ofSchema}
      order by l.created_at, l.id`.cursor(BATCH);
    for await (const batch of cursor)
      yield batch.map(
        (r): ExportRow => ({
          trajectoryId: r.trajectory_id,
          clientId: r.client_id,
          stepIndex: r.step_index,
          schema: r.schema,
          kind: r.kind,
          level: r.level,
          value: r.value,
          authorEmail: r.author_email,
          authorName: r.author_name,
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }),
      );
  }

  const csv = query.format === "csv";
  async function* text() {
    if (csv) yield csvLine([...exportColumns]);
    for await (const batch of rows()) {
      let chunk = "";
      for (const r of batch) chunk += csv ? csvLine(exportColumns.map((c) => r[c])) : `${JSON.stringify(r)}\n`;
      yield chunk;
    }
  }
  return {
    filename: `${nameParts.join("-")}.${query.format}`,
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
