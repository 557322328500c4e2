// search_tools by meaning: a sentence-embedding model (any BERT-style ONNX export with a
// tokenizer.json, e.g. all-MiniLM-L6-v2 or bge-small) embeds each tool's text once and the query
// at each call; tools are ranked by cosine similarity. BM25 stays the default: it needs no model.
import { createHash } from "node:crypto";
import { feedsFor, loadOnnxFolder, type OnnxFolder } from "@/lib/onnx/server/onnx-folder";
import { summarize } from "../summary";
import type { RetrievalTool, ToolHit } from "../tool-index";

export type EmbeddingSearchConfig = {
  modelDir: string;
  /** tokens per text; longer tool texts are cut */
  maxLength?: number;
  /** mean of the token vectors under the attention mask (sentence-transformers' default), or the first token's */
  pooling?: "mean" | "cls";
  /** e.g. "query: " and "passage: " for E5 models */
  queryPrefix?: string;
  documentPrefix?: string;
};

export type ToolSearch = (query: string, k: number) => Promise<ToolHit[]>;

/** The text a tool is embedded from: name, server, description and parameter names. */
export function toolText(tool: RetrievalTool): string {
  const schema = tool.inputSchema as { properties?: Record<string, unknown> } | undefined;
  const params = schema?.properties ? Object.keys(schema.properties) : [];
  const words = (s: string) => s.replace(/[_.-]+/g, " ");
  return `${words(tool.name)}${tool.server ? ` (${tool.server})` : ""}: ${tool.description ?? ""}${
    params.length ? ` Parameters: ${params.map(words).join(", ")}` : ""
  }`;
}

async function embed(folder: OnnxFolder, text: string, maxLength: number, pooling: "mean" | "cls") {
  const enc = folder.tokenizer._call(text, {
    truncation: true,
    max_length: maxLength,
    return_tensor: false,
    return_token_type_ids: true,
  });
  const out = await folder.session.run(feedsFor(folder, enc, "an embedding model"));
  const first = out[folder.session.outputNames[0]];
  const data = first.data as Float32Array;
  const dims = first.dims;
  let v: Float64Array;
  if (dims.length === 2) v = Float64Array.from(data);
  else if (dims.length === 3) {
    const [, seq, dim] = dims.map(Number);
    v = new Float64Array(dim);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (pooling === "cls" ? t > 0 : !enc.attention_mask[t]) continue;
      count++;
      for (let d = 0; d < dim; d++) v[d] += data[t * dim + d];
    }
    if (count) for (let d = 0; d < dim; d++) v[d] /= count;
  } else
    throw new Error(`the model's first output has shape [${dims.join(", ")}]; expected [1, dim] or [1, tokens, dim]`);
  const norm = Math.hypot(...v);
  if (norm > 0) for (let d = 0; d < v.length; d++) v[d] /= norm;
  return v;
}

// Tool vectors per (model folder, tool list): a catalogue is embedded once per process.
const documentVectors = new Map<string, Promise<Float64Array[]>>();

export async function createEmbeddingSearch(
  config: EmbeddingSearchConfig,
  tools: readonly RetrievalTool[],
): Promise<ToolSearch> {
  const maxLength = config.maxLength ?? 256;
  const pooling = config.pooling ?? "mean";
  const folder = await loadOnnxFolder(config.modelDir);
  const texts = tools.map((t) => (config.documentPrefix ?? "") + toolText(t));
  const key = createHash("sha256")
    .update(JSON.stringify([config.modelDir, maxLength, pooling, texts]))
    .digest("hex");
  let vectors = documentVectors.get(key);
  if (!vectors) {
    vectors = (async () => {
      const out: Float64Array[] = [];
      for (const t of texts) out.push(await embed(folder, t, maxLength, pooling));
      return out;
    })();
    documentVectors.set(key, vectors);
    vectors.catch(() => documentVectors.delete(key));
  }
  const docs = await vectors;
  const meta = tools.map((t) => ({ name: t.name, server: t.server ?? null, summary: summarize(t.description ?? "") }));
  return async (query, k) => {
    if (!(k >= 1) || !query.trim()) return [];
    const q = await embed(folder, (config.queryPrefix ?? "") + query, maxLength, pooling);
    const scored = docs.map((d, i) => {
      let s = 0;
      for (let j = 0; j < d.length; j++) s += d[j] * q[j];
      return { i, s };
    });
    // ties by name, then server, as BM25's results are, so the order does not depend on the catalogue's
    scored.sort(
      (a, b) =>
        b.s - a.s ||
        (meta[a.i].name < meta[b.i].name ? -1 : meta[a.i].name > meta[b.i].name ? 1 : 0) ||
        ((meta[a.i].server ?? "") < (meta[b.i].server ?? "") ? -1 : 1),
    );
    return scored
      .slice(0, Math.floor(k))
      .filter((x) => x.s > 0)
      .map((x) => ({ ...meta[x.i], score: x.s }));
  };
}
