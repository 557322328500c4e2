// Walks a file's records (all of them, or one page by its byte range), converts each to the
// canonical format and validates it. The plan and every page step go through here.
import fs from "node:fs";
import { Readable } from "node:stream";
import { type ConvertOptions, convertRecord } from "../formats/convert";
import type { InspectEval } from "../formats/inspect";
import { inspectEvalInfo } from "../formats/inspect";
import type { FieldMapping, ImportFormat } from "../schemas";
import { type Checked, checkConverted } from "../validate";
import { readCsv, readJsonArray, readJsonDocument, readJsonl, type Source, type SourceRecord } from "./read-records";

/** One job step: records [firstIndex, firstIndex + count) at bytes [start, end) of the file. */
export type ImportPage = {
  start: number;
  end: number;
  firstIndex: number;
  count: number;
  firstLine: number | null;
  format: ImportFormat;
  mapping: FieldMapping | null;
  inspect?: InspectEval;
};

export function fileSource(path: string): Source {
  return {
    size: fs.statSync(path).size,
    open: (range) => fs.createReadStream(path, range ? { start: range.start, end: range.end - 1 } : undefined),
  };
}

/** The file's first bytes as text, for detection. */
export async function readHead(source: Source, bytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of source.open({ start: 0, end: Math.min(bytes, source.size) }) as AsyncIterable<Buffer>)
    chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

function wrapped(source: Source, range: { start: number; end: number }): Readable {
  // a page of a JSON list is its elements with the commas between them: "[" + that + "]" parses
  return Readable.from(
    (async function* () {
      yield Buffer.from("[");
      yield* source.open(range) as AsyncIterable<Buffer>;
      yield Buffer.from("]");
    })(),
  );
}

export function readRecords(
  source: Source,
  format: ImportFormat,
  page?: ImportPage,
  onEval?: (info: InspectEval) => void,
): AsyncGenerator<SourceRecord> {
  const range = page ? { start: page.start, end: page.end } : undefined;
  switch (format) {
    case "jsonl":
      return page
        ? readJsonl(source.open(range), { offset: page.start, line: page.firstLine ?? 1, index: page.firstIndex })
        : readJsonl(source.open());
    case "json-array":
    case "inspect-log":
      if (page)
        return readJsonArray(wrapped(source, page), {
          path: "$.*",
          baseOffset: page.start - 1,
          firstIndex: page.firstIndex,
        });
      return format === "json-array"
        ? readJsonArray(source.open(), { path: "$.*" })
        : readJsonArray(source.open(), {
            path: "$.samples.*",
            extraPaths: ["$.eval"],
            onOther: (key, value) => key === "eval" && onEval?.(inspectEvalInfo(value)),
          });
    case "json-object":
    case "json-messages":
      return readJsonDocument(source.open());
    case "mcp-atlas-csv":
      return pageOf(readCsv(source.open(), source.size), page);
  }
}

/** CSV pages are read by record number: their records span lines that byte ranges cannot cut. */
async function* pageOf(records: AsyncGenerator<SourceRecord>, page?: ImportPage) {
  for await (const r of records) {
    if (page && r.index < page.firstIndex) continue;
    if (page && r.index >= page.firstIndex + page.count) break;
    yield r;
  }
}

export function checkRecord(format: ImportFormat, r: SourceRecord, opts: ConvertOptions): Checked {
  if (r.parseError) return { index: r.index, errors: [{ path: "", message: r.parseError }] };
  return checkConverted(r.index, convertRecord(format, r.value, { ...opts, row: r.line ?? undefined }));
}
