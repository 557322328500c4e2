// One page of a file import, written in the caller's transaction. Idempotent: records are
// keyed by their id (or content hash), so a page run twice, or a file imported twice, adds
// nothing the second time.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { trajectories } from "@/db/schema";
import { hashTrajectory } from "@/lib/trajectories/server/account-context";
import { type IngestResult, ingestTrajectories } from "@/lib/trajectories/server/ingest-trajectories";
import type { ImportMode, RecordError } from "../schemas";
import type { Checked } from "../validate";
import { describeErrors, ImportRejected, MAX_REPORTED_ERRORS } from "./plan-import";
import type { Source } from "./read-records";
import { checkRecord, type ImportPage, readRecords } from "./scan";

export type PageResult = { records: number; created: number; exists: number; invalid: number; errors: RecordError[] };

export async function importPage({
  db,
  projectId,
  jobId,
  source,
  page,
  mode,
  signal,
}: {
  db: DbOrTx;
  projectId: string;
  jobId?: string;
  source: Source;
  page: ImportPage;
  mode: ImportMode;
  signal?: AbortSignal;
}): Promise<PageResult> {
  const items: Checked[] = [];
  const lines = new Map<number, number | null>();
  for await (const r of readRecords(source, page.format, page)) {
    lines.set(r.index, r.line);
    items.push(checkRecord(page.format, r, { mapping: page.mapping, inspect: page.inspect }));
    if (signal?.aborted) throw new Error("cancelled");
  }
  if (items.length !== page.count)
    throw new Error(
      `Page at record ${page.firstIndex + 1} read ${items.length} records where the plan found ${page.count}: the file changed after it was planned`,
    );
  // records already stored are answered here: only new ones pay for token counting
  const known = await storedIds(db, projectId, items);
  const fresh = items.filter((v) => !known.has(v.index));
  const results = [
    ...[...known.values()],
    ...(fresh.length ? await ingestTrajectories({ db, projectId, items: fresh, jobId }) : []),
  ].sort((a, b) => a.index - b.index);
  const out: PageResult = { records: items.length, created: 0, exists: 0, invalid: 0, errors: [] };
  for (const r of results) {
    out[r.status]++;
    if (r.status === "invalid" && out.errors.length < MAX_REPORTED_ERRORS)
      out.errors.push({ index: r.index, line: lines.get(r.index) ?? null, errors: r.errors });
  }
  if (mode === "all-or-nothing" && out.invalid > 0)
    throw new ImportRejected(
      `${describeErrors(page.format, out.errors, out.invalid, out.records)} in the page at record ${page.firstIndex + 1}; nothing was imported (all-or-nothing)`,
      {
        format: page.format,
        records: out.records,
        invalid: out.invalid,
        errors: out.errors,
      },
    );
  return out;
}

/** The page's records that the project already holds, by client id (the record's id or content hash). */
async function storedIds(db: DbOrTx, projectId: string, items: Checked[]) {
  const byClient = new Map<string, number>();
  for (const v of items) if ("record" in v) byClient.set(v.record.id ?? `sha256:${hashTrajectory(v.record)}`, v.index);
  const found = new Map<number, IngestResult>();
  if (!byClient.size) return found;
  const rows = await db
    .select({ id: trajectories.id, clientId: trajectories.clientId })
    .from(trajectories)
    .where(and(eq(trajectories.projectId, projectId), inArray(trajectories.clientId, [...byClient.keys()])));
  for (const r of rows) {
    const index = byClient.get(r.clientId as string) as number;
    found.set(index, { index, status: "exists", clientId: r.clientId as string, id: r.id });
  }
  return found;
}

/** An all-or-nothing import that stopped part-way takes back what its finished pages wrote. */
export async function removeImported({ db, projectId, jobId }: { db: DbOrTx; projectId: string; jobId: string }) {
  const gone = await db
    .delete(trajectories)
    .where(and(eq(trajectories.projectId, projectId), eq(trajectories.jobId, jobId)))
    .returning({ id: trajectories.id });
  return gone.length;
}

/** The job's report: counts over all pages and the first errors, in file order. */
export function summarizePages(results: PageResult[]) {
  const total = { records: 0, created: 0, exists: 0, invalid: 0 };
  const errors: RecordError[] = [];
  for (const r of results) {
    total.records += r.records;
    total.created += r.created;
    total.exists += r.exists;
    total.invalid += r.invalid;
    for (const e of r.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  }
  return { ...total, errors };
}
