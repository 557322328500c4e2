// Which of the supported formats a file is, from its first bytes (the preview's 2 MB sample or
// the head of an uploaded file). Safe for the browser.
import { Tokenizer } from "@streamparser/json";
import { MCP_ATLAS_COLUMNS } from "./formats/mcp-atlas";
import type { ImportFormat } from "./schemas";

export type Detection = { format: ImportFormat } | { error: string };

const SUPPORTED =
  "JSONL (one episode or canonical record per line), JSON (a list of episodes, one episode, or a list of chat messages), an Inspect AI eval log (.json), or the MCP-Atlas tasks CSV";

// Token types of @streamparser/json
const LEFT_BRACE = 0;
const RIGHT_BRACE = 1;
const LEFT_BRACKET = 2;
const RIGHT_BRACKET = 3;
const COLON = 4;
const STRING = 9;

/** The top-level keys of an object document, or the first element's keys of an array one. */
function outline(text: string): { kind: "object" | "array"; keys: string[] } | null {
  const t = new Tokenizer();
  let depth = 0;
  let kind: "object" | "array" | null = null;
  const keys: string[] = [];
  let lastString: string | null = null;
  let elementDone = false;
  t.onToken = ({ token, value }) => {
    if (elementDone) return;
    if (token === LEFT_BRACE || token === LEFT_BRACKET) {
      if (depth === 0) kind = token === LEFT_BRACE ? "object" : "array";
      depth++;
    } else if (token === RIGHT_BRACE || token === RIGHT_BRACKET) {
      depth--;
      if (kind === "array" && depth === 1) elementDone = true;
    } else if (token === COLON && lastString !== null) {
      const keyDepth = kind === "object" ? 1 : 2;
      if (depth === keyDepth) keys.push(lastString);
    }
    lastString = token === STRING ? (value as string) : null;
  };
  t.onError = () => {};
  try {
    t.write(text);
  } catch {
    // a cut-off sample ends mid-value: what was read so far is enough
  }
  return kind ? { kind, keys } : null;
}

function firstLines(text: string, n: number) {
  const out: string[] = [];
  let from = 0;
  while (out.length < n && from < text.length) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to).trim();
    if (line) out.push(line);
    from = to + 1;
  }
  return out;
}

function tryJson(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false };
  }
}

const isInspect = (keys: string[]) => keys.includes("eval") && (keys.includes("samples") || keys.includes("version"));

function classifyDocument(text: string): ImportFormat | null {
  const o = outline(text);
  if (!o) return null;
  if (o.kind === "object") return isInspect(o.keys) ? "inspect-log" : "json-object";
  return o.keys.includes("role") && !o.keys.includes("messages") && !o.keys.includes("steps")
    ? "json-messages"
    : "json-array";
}

export function detectFormat(sample: string, filename = ""): Detection {
  const text = sample.replace(/^\uFEFF/, "");
  const name = filename.toLowerCase();
  if (text.startsWith("PK\u0003\u0004") || name.endsWith(".eval"))
    return {
      error:
        "This is an Inspect .eval archive: convert it to JSON with `inspect log convert --to json <file>` and import the .json file",
    };
  if (text.startsWith("\u001f\u008b") || text.startsWith("\u001f\uFFFD") || name.endsWith(".gz"))
    return { error: "This file is compressed: decompress it (gunzip) and import the result" };
  const [first] = firstLines(text, 1);
  if (!first) return { error: "The file is empty" };

  if (!first.startsWith("{") && !first.startsWith("[")) {
    const header = first.split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
    if (MCP_ATLAS_COLUMNS.every((c) => header.includes(c))) return { format: "mcp-atlas-csv" };
    if (name.endsWith(".csv"))
      return {
        error: `Of CSV files, the MCP-Atlas tasks CSV (columns ${MCP_ATLAS_COLUMNS.join(", ")}) is read; convert other tables to JSONL`,
      };
    return { error: `Could not tell the format of ${filename || "this file"}: expected ${SUPPORTED}` };
  }

  const head = tryJson(first);
  if (head.ok) {
    const value = head.value as Record<string, unknown>;
    const more = firstLines(text, 2).length > 1;
    if (value && typeof value === "object" && !Array.isArray(value) && isInspect(Object.keys(value)))
      return { format: "inspect-log" };
    // one complete JSON value per line is JSONL; a file of one line is a document like any other
    if (more || name.endsWith(".jsonl") || name.endsWith(".ndjson")) return { format: "jsonl" };
  }
  const format = classifyDocument(text);
  return format
    ? { format }
    : { error: `Could not tell the format of ${filename || "this file"}: expected ${SUPPORTED}` };
}
