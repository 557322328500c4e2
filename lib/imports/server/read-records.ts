// Streaming readers: each yields a file's records one by one with their byte range, so a
// 200 MB file is never held in memory and a page of records can be read again by its range.
import type { Readable } from "node:stream";
import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import { parse } from "csv-parse";
import { AppError } from "@/lib/errors";

/** A file to read: whole, or the bytes [start, end). */
export type Source = { size: number; open(range?: { start: number; end: number }): Readable };

export type SourceRecord = {
  index: number;
  /** JSONL: the line; CSV: the spreadsheet row; JSON: null */
  line: number | null;
  start: number;
  end: number;
  value?: unknown;
  /** the record is not valid JSON */
  parseError?: string;
};

/** A single JSON document is one record and must be read whole; past this, JSONL is the way. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export const malformed = (message: string) => new AppError("VALIDATION", message, "file");

export async function* readJsonl(
  stream: Readable,
  at: { offset: number; line: number; index: number } = { offset: 0, line: 1, index: 0 },
): AsyncGenerator<SourceRecord> {
  let offset = at.offset;
  let line = at.line;
  let index = at.index;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let first = at.offset === 0;
  const emit = (bytes: Buffer, start: number): SourceRecord | null => {
    let text = bytes.toString("utf8");
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    if (!text.trim()) return null;
    const rec: SourceRecord = { index: index++, line, start, end: start + bytes.length };
    try {
      rec.value = JSON.parse(text);
    } catch (e) {
      rec.parseError = `not valid JSON: ${(e as Error).message}`;
    }
    return rec;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) break;
      const piece = chunk.subarray(pos, nl);
      const bytes = carry.length ? Buffer.concat([...carry, piece]) : piece;
      const start = offset - carryBytes;
      carry = [];
      carryBytes = 0;
      const rec = emit(bytes, start);
      offset += piece.length + 1;
      if (rec) yield rec;
      line++;
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      carry.push(chunk.subarray(pos));
      carryBytes += chunk.length - pos;
      offset += chunk.length - pos;
    }
  }
  if (carryBytes) {
    const rec = emit(Buffer.concat(carry), offset - carryBytes);
    if (rec) yield rec;
  }
}

type JsonArrayOptions = {
  /** "$.*" for a list of records, "$.samples.*" for an Inspect log's samples */
  path: string;
  /** absolute offset of the stream's first byte */
  baseOffset?: number;
  firstIndex?: number;
  /** values at other emitted paths (an Inspect log's `eval`) */
  onOther?: (key: string, value: unknown) => void;
  extraPaths?: string[];
};

/** Elements of a JSON list (at `path`), each with its exact byte range in the file. */
export async function* readJsonArray(stream: Readable, opts: JsonArrayOptions): AsyncGenerator<SourceRecord> {
  const base = opts.baseOffset ?? 0;
  const recordDepth = opts.path.split(".").length - 1;
  const tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  const parser = new TokenParser({ paths: [opts.path, ...(opts.extraPaths ?? [])], keepStack: false });
  const ready: SourceRecord[] = [];
  const starts: number[] = [];
  let open: SourceRecord | null = null; // emitted; its end is the offset of the next token
  let valueStart = 0;
  let index = opts.firstIndex ?? 0;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === recordDepth) open = { index: index++, line: null, start: base + valueStart, end: 0, value };
    else opts.onOther?.(String(key), value);
  };
  tokenizer.onToken = (t) => {
    if (open) {
      open.end = base + t.offset;
      ready.push(open);
      open = null;
    }
    if (t.token === TokenType.LEFT_BRACE || t.token === TokenType.LEFT_BRACKET) {
      starts.push(t.offset);
      valueStart = t.offset;
    } else if (t.token === TokenType.RIGHT_BRACE || t.token === TokenType.RIGHT_BRACKET) valueStart = starts.pop() ?? 0;
    else valueStart = t.offset;
    parser.write(t);
  };
  tokenizer.onError = (err) => {
    throw malformed(`The JSON is malformed: ${err.message}`);
  };
  let bom = (opts.baseOffset ?? 0) === 0;
  for await (let chunk of stream as AsyncIterable<Buffer>) {
    if (bom && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    bom = false;
    tokenizer.write(chunk);
    yield* ready.splice(0);
  }
  if (open) ready.push(open);
  yield* ready.splice(0);
}

/** One JSON document as one record (an episode object, or a bare list of messages). */
export async function* readJsonDocument(stream: Readable): AsyncGenerator<SourceRecord> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES)
      throw malformed(
        `A single JSON document over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB cannot be read at once: write one episode per line (JSONL)`,
      );
    chunks.push(chunk);
  }
  const rec: SourceRecord = { index: 0, line: null, start: 0, end: size };
  try {
    rec.value = JSON.parse(
      Buffer.concat(chunks)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch (e) {
    throw malformed(`The JSON is malformed: ${(e as Error).message}`);
  }
  yield rec;
}

/** CSV rows as objects keyed by the header; `line` is the row as a spreadsheet numbers it. */
export async function* readCsv(stream: Readable, size: number): AsyncGenerator<SourceRecord> {
  const rows = stream.pipe(parse({ columns: true, skip_empty_lines: true, bom: true }));
  let index = 0;
  try {
    for await (const value of rows) {
      yield { index, line: index + 2, start: 0, end: size, value };
      index++;
    }
  } catch (e) {
    throw malformed(`The CSV is malformed: ${(e as Error).message}`);
  }
}
