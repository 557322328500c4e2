// The plan of a file import: one pass over the file that validates every record, guesses the
// field mapping when none was given, and cuts the file into pages (byte ranges) that the job's
// steps import one by one.
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { runs } from "@/db/schema";
import { detectFormat } from "../detect";
import { shapeOf } from "../formats/convert";
import { listFields, suggestMapping } from "../formats/fields";
import type { InspectEval } from "../formats/inspect";
import type { FieldMapping, ImportFormat, ImportMode, RecordError } from "../schemas";
import { malformed, type Source, type SourceRecord } from "./read-records";
import { checkRecord, type ImportPage, readHead, readRecords } from "./scan";

export const MAX_REPORTED_ERRORS = 100;
const DEFAULT_PAGE_RECORDS = 500;
/** a page's bytes: one step's transaction stays short even when episodes are large */
const PAGE_BYTES = 4 * 1024 * 1024;
const MAPPING_SAMPLE = 50;

export type ImportPlan = {
  format: ImportFormat;
  mapping: FieldMapping | null;
  pages: ImportPage[];
  counts: { records: number; valid: number; invalid: number };
  errors: RecordError[];
};

/** An import that must not go ahead; `report` says why, record by record. */
export class ImportRejected extends Error {
  constructor(
    message: string,
    readonly report: { format: ImportFormat; records: number; invalid: number; errors: RecordError[] },
  ) {
    super(message);
    this.name = "ImportRejected";
  }
}

export const where = (format: ImportFormat, e: { index: number; line: number | null }) =>
  e.line !== null ? `${format === "mcp-atlas-csv" ? "row" : "line"} ${e.line}` : `record ${e.index + 1}`;

export function describeErrors(format: ImportFormat, errors: RecordError[], invalid: number, records: number) {
  const first = errors[0];
  const issue = first?.errors[0];
  const detail =
    first && issue ? `; first: ${where(format, first)}: ${issue.path ? `${issue.path}: ` : ""}${issue.message}` : "";
  return `${invalid} of ${records} records are invalid${detail}`;
}

export async function resolveFormat(source: Source, filename: string, format?: ImportFormat | null) {
  if (format) return format;
  const found = detectFormat(await readHead(source, 64 * 1024), filename);
  if ("error" in found) throw malformed(found.error);
  return found.format;
}

export async function planImport({
  db,
  projectId,
  source,
  filename,
  format: given,
  mapping: givenMapping,
  mappingOverrides,
  mode,
  pageSize = DEFAULT_PAGE_RECORDS,
  signal,
}: {
  db: DbOrTx;
  projectId: string;
  source: Source;
  filename: string;
  format?: ImportFormat | null;
  mapping?: FieldMapping | null;
  /** targets to map differently from the guess (the CLI's --map) */
  mappingOverrides?: FieldMapping;
  mode: ImportMode;
  pageSize?: number;
  signal?: AbortSignal;
}): Promise<ImportPlan> {
  const format = await resolveFormat(source, filename, given);
  let inspect: InspectEval = {};
  const records = readRecords(source, format, undefined, (info) => {
    inspect = info;
  });
  // the mapping is guessed from the first records, as the preview guesses it
  const head: SourceRecord[] = [];
  while (head.length < MAPPING_SAMPLE) {
    const next = await records.next();
    if (next.done) break;
    head.push(next.value);
  }
  const episodes = head.filter((r) => !r.parseError && shapeOf(format, r.value) === "episode").map((r) => r.value);
  const mapping =
    givenMapping ?? (episodes.length ? { ...suggestMapping(listFields(episodes)), ...mappingOverrides } : null);

  const pages: ImportPage[] = [];
  const errors: RecordError[] = [];
  const runRefs = new Map<string, RunRefs>();
  let page: ImportPage | null = null;
  let records_ = 0;
  let invalid = 0;
  const visit = (r: SourceRecord) => {
    records_++;
    const checked = checkRecord(format, r, { mapping, inspect });
    if ("errors" in checked) {
      invalid++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index: r.index, line: r.line, errors: checked.errors });
    } else if (checked.record.runId) {
      const refs = runRefs.get(checked.record.runId) ?? { count: 0, first: [] };
      refs.count++;
      if (refs.first.length < MAX_REPORTED_ERRORS) refs.first.push({ index: r.index, line: r.line });
      runRefs.set(checked.record.runId, refs);
    }
    const full = page && (page.count >= pageSize || (format !== "mcp-atlas-csv" && r.end - page.start > PAGE_BYTES));
    if (!page || full) {
      page = { start: r.start, end: r.end, firstIndex: r.index, count: 0, firstLine: r.line, format, mapping, inspect };
      pages.push(page);
    }
    page.end = r.end;
    page.count++;
  };
  for (const r of head) visit(r);
  let n = 0;
  for await (const r of records) {
    visit(r);
    if (++n % 1000 === 0 && signal?.aborted) throw new Error("cancelled");
  }
  // the eval header may come after samples were read: every page gets it
  for (const p of pages) p.inspect = inspect;

  invalid += await checkRuns(db, projectId, runRefs, errors);
  errors.sort((a, b) => a.index - b.index).splice(MAX_REPORTED_ERRORS);
  const counts = { records: records_, valid: records_ - invalid, invalid };
  if (records_ === 0)
    throw new ImportRejected(`${filename} holds no records`, { format, records: 0, invalid: 0, errors: [] });
  if (mode === "all-or-nothing" && invalid > 0)
    throw new ImportRejected(
      `${describeErrors(format, errors, invalid, records_)}. Nothing was imported (all-or-nothing)`,
      {
        format,
        records: records_,
        invalid,
        errors,
      },
    );
  if (mode === "valid-only" && counts.valid === 0)
    throw new ImportRejected(
      `None of the ${records_} records is valid${describeErrors(format, errors, invalid, records_).replace(/^.*?records are invalid/, "")}`,
      {
        format,
        records: records_,
        invalid,
        errors,
      },
    );
  return { format, mapping, pages, counts, errors };
}

type RunRefs = { count: number; first: { index: number; line: number | null }[] };

/** Records that name a run must name one of this project. */
async function checkRuns(db: DbOrTx, projectId: string, refs: Map<string, RunRefs>, errors: RecordError[]) {
  if (!refs.size) return 0;
  const ids = [...refs.keys()];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: runs.id })
      .from(runs)
      .where(and(eq(runs.projectId, projectId), inArray(runs.id, ids.slice(i, i + 1000))));
    for (const r of rows) known.add(r.id);
  }
  let bad = 0;
  for (const [id, at] of refs)
    if (!known.has(id)) {
      bad += at.count;
      for (const a of at.first)
        errors.push({
          ...a,
          errors: [{ path: "runId", message: `${id} is not a run of this project: leave it out or use a run's id` }],
        });
    }
  return bad;
}
