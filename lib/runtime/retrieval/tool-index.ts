// BM25 over tool documents for `search_tools(query, k)`.
//
// A tool is one document with weighted fields, scored the BM25F way: a term's frequency is the
// weighted sum of its frequencies in the fields, a document's length the weighted sum of its
// field lengths, and BM25 saturation and length normalisation then apply once to those sums.
// Names weigh most because a tool name is the terse statement of what it does; parameter
// descriptions least because they describe inputs, not the tool.
import { summarize } from "./summary";
import { tokenize } from "./tokenize";

export type RetrievalTool = {
  name: string;
  server?: string | null;
  description?: string | null;
  inputSchema?: unknown;
};

export type ToolHit = { name: string; server: string | null; summary: string; score: number };

export const FIELD_WEIGHTS = {
  name: 3,
  server: 1,
  description: 1,
  parameterNames: 1.5,
  parameterDescriptions: 0.5,
} as const;
export type Field = keyof typeof FIELD_WEIGHTS;

// Robertson's usual constants; k1 saturates repeated terms, b is the pull of document length.
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

type Posting = { docs: number[]; tf: number[] };

export type ToolIndex = {
  readonly tools: readonly { name: string; server: string | null; summary: string }[];
  readonly postings: ReadonlyMap<string, Posting>;
  readonly lengths: readonly number[];
  readonly avgLength: number;
  readonly k1: number;
  readonly b: number;
};

export type IndexOptions = { k1?: number; b?: number; weights?: Partial<Record<Field, number>> };

// Nested objects, array items and anyOf branches hold parameters too; the depth cap keeps a
// recursive or huge schema from costing more than it tells.
function collectParameters(schema: unknown, names: string[], descriptions: string[], depth = 0) {
  if (!schema || typeof schema !== "object" || depth > 4) return;
  const s = schema as Record<string, unknown>;
  if (s.properties && typeof s.properties === "object") {
    for (const [name, prop] of Object.entries(s.properties as Record<string, unknown>)) {
      names.push(name);
      const description = (prop as { description?: unknown } | null)?.description;
      if (typeof description === "string") descriptions.push(description);
      collectParameters(prop, names, descriptions, depth + 1);
    }
  }
  if (s.items) collectParameters(s.items, names, descriptions, depth + 1);
  for (const key of ["anyOf", "oneOf", "allOf"])
    if (Array.isArray(s[key])) for (const branch of s[key]) collectParameters(branch, names, descriptions, depth + 1);
}

export function toolFields(tool: RetrievalTool): Record<Field, string[]> {
  const names: string[] = [];
  const descriptions: string[] = [];
  collectParameters(tool.inputSchema, names, descriptions);
  return {
    name: tokenize(tool.name),
    server: tokenize(tool.server ?? ""),
    description: tokenize(tool.description ?? ""),
    parameterNames: tokenize(names.join(" ")),
    parameterDescriptions: tokenize(descriptions.join(" ")),
  };
}

export function buildToolIndex(tools: readonly RetrievalTool[], options: IndexOptions = {}): ToolIndex {
  const weights = { ...FIELD_WEIGHTS, ...options.weights };
  const postings = new Map<string, Posting>();
  const lengths: number[] = [];
  tools.forEach((tool, doc) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [field, tokens] of Object.entries(toolFields(tool)) as [Field, string[]][]) {
      const w = weights[field];
      length += w * tokens.length;
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w);
    }
    lengths.push(length);
    for (const [term, f] of tf) {
      if (f <= 0) continue;
      let p = postings.get(term);
      if (!p) {
        p = { docs: [], tf: [] };
        postings.set(term, p);
      }
      p.docs.push(doc);
      p.tf.push(f);
    }
  });
  return {
    tools: tools.map((t) => ({ name: t.name, server: t.server ?? null, summary: summarize(t.description ?? "") })),
    postings,
    lengths,
    avgLength: lengths.length ? lengths.reduce((a, l) => a + l, 0) / lengths.length : 0,
    k1: options.k1 ?? BM25_K1,
    b: options.b ?? BM25_B,
  };
}

// Lucene's form: never negative, so a term in most documents still adds a little.
export function idf(documents: number, withTerm: number) {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/**
 * The k best tools for a query, best first; only tools sharing at least one query term appear,
 * so an empty or unknown query gives []. Each distinct query term counts once. Equal scores
 * are ordered by name, then server (code-unit order, not locale), so results do not depend on
 * the order tools were indexed in. A k below 1 or not a number gives []; a fractional k is
 * rounded down.
 */
export function searchTools(index: ToolIndex, query: string, k: number): ToolHit[] {
  if (!(k >= 1)) return [];
  const n = index.tools.length;
  const scores = new Float64Array(n);
  const { k1, b, lengths, avgLength } = index;
  for (const term of new Set(tokenize(query))) {
    const p = index.postings.get(term);
    if (!p) continue;
    const weight = idf(n, p.docs.length);
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i];
      const norm = k1 * (1 - b + (avgLength > 0 ? (b * lengths[doc]) / avgLength : b));
      scores[doc] += (weight * p.tf[i] * (k1 + 1)) / (p.tf[i] + norm);
    }
  }
  const hits: number[] = [];
  for (let doc = 0; doc < n; doc++) if (scores[doc] > 0) hits.push(doc);
  const key = (doc: number) => index.tools[doc];
  hits.sort((x, y) => {
    if (scores[y] !== scores[x]) return scores[y] - scores[x];
    const a = key(x);
    const c = key(y);
    if (a.name !== c.name) return a.name < c.name ? -1 : 1;
    const sa = a.server ?? "";
    const sc = c.server ?? "";
    return sa === sc ? x - y : sa < sc ? -1 : 1;
  });
  return hits.slice(0, Math.floor(k)).map((doc) => ({ ...index.tools[doc], score: scores[doc] }));
}
