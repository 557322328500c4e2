// The embedding search runs a model this test builds: each word of a small vocabulary has a
// two-dimensional vector (synonyms share one), the graph returns the token vectors, and the
// search mean-pools them, so which tool a query finds can be worked out by hand.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onnx } from "onnx-proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "@/lib/runtime/strategies/catalogue";
import { createToolState } from "@/lib/runtime/strategies/tool-state";
import { wordPieceTokenizer } from "@/test/onnx-fixtures";
import { buildToolIndex, type RetrievalTool, searchTools } from "../tool-index";
import { createEmbeddingSearch, toolText } from "./embedding-search";

const words: [string, number[]][] = [
  ["[PAD]", [0, 0]],
  ["[UNK]", [0, 0]],
  ["[CLS]", [0, 0]],
  ["[SEP]", [0, 0]],
  ["weather", [1, 0]],
  ["forecast", [1, 0]],
  ["rain", [0.9, 0.1]],
  ["sum", [0, 1]],
  ["total", [0, 1]],
  ["add", [0.1, 0.9]],
];
const vocab = Object.fromEntries(words.map(([w], i) => [w, i]));

function modelBytes(): Uint8Array {
  const { DataType } = onnx.TensorProto;
  const input = (name: string) =>
    onnx.ValueInfoProto.create({
      name,
      type: {
        tensorType: { elemType: DataType.INT64, shape: { dim: [{ dimValue: 1 }, { dimParam: "seq" }] } },
      },
    });
  const graph = onnx.GraphProto.create({
    name: "word-vectors",
    input: [input("input_ids"), input("attention_mask")],
    output: [
      onnx.ValueInfoProto.create({
        name: "last_hidden_state",
        type: {
          tensorType: {
            elemType: DataType.FLOAT,
            shape: { dim: [{ dimValue: 1 }, { dimParam: "seq" }, { dimValue: 2 }] },
          },
        },
      }),
    ],
    initializer: [
      onnx.TensorProto.create({
        name: "E",
        dataType: DataType.FLOAT,
        dims: [words.length, 2],
        floatData: words.flatMap(([, v]) => v),
      }),
    ],
    node: [onnx.NodeProto.create({ opType: "Gather", input: ["E", "input_ids"], output: ["last_hidden_state"] })],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: "", version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

const tools: RetrievalTool[] = [
  { name: "get_forecast", server: "geo", description: "Weather for a city", inputSchema: {} },
  { name: "add_numbers", server: "calculator", description: "Sum of numbers", inputSchema: {} },
  { name: "rain_chance", server: "geo", description: "Rain", inputSchema: {} },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "embedding-search-"));
  writeFileSync(path.join(dir, "model.onnx"), modelBytes());
  writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(wordPieceTokenizer(vocab)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedding search", () => {
  it("finds a tool by a word its text does not contain, which BM25 cannot", async () => {
    const search = await createEmbeddingSearch({ modelDir: dir }, tools);
    expect(searchTools(buildToolIndex(tools), "total", 3)).toEqual([]);
    const hits = await search("total", 3);
    expect(hits[0]).toMatchObject({ name: "add_numbers", server: "calculator", summary: "Sum of numbers" });
    // "add" (0.1, 0.9) leans to sums; the weather tools point the other way and score lower
    expect(hits[0].score).toBeGreaterThan(hits[1]?.score ?? 0);
    const forecast = await search("forecast", 2);
    expect(forecast.map((h) => h.name)).toEqual(["get_forecast", "rain_chance"]);
    expect(forecast[0].score).toBeCloseTo(1, 5);
  });

  it("answers an ITL episode's search_tools, so the model can load a tool it described in other words", async () => {
    const catalogue = buildCatalogue(tools);
    const state = createToolState({
      strategy: "itl",
      catalogue,
      search: await createEmbeddingSearch({ modelDir: dir }, catalogue.tools),
    });
    const r = await state.handleMetaCall("search_tools", { query: "total", k: 1 });
    expect(r).toMatchObject({ isError: false });
    expect(r.result).toMatch(/^add_numbers \(calculator\): Sum of numbers$/);
    const bm25 = await createToolState({ strategy: "itl", catalogue }).handleMetaCall("search_tools", {
      query: "total",
    });
    expect(bm25.result).toMatch(/no tools match/);
  });

  it("returns nothing for an empty query or k below 1, and names a folder without a model", async () => {
    const search = await createEmbeddingSearch({ modelDir: dir }, tools);
    expect(await search("  ", 3)).toEqual([]);
    expect(await search("weather", 0)).toEqual([]);
    await expect(createEmbeddingSearch({ modelDir: path.join(dir, "missing") }, tools)).rejects.toThrow(
      /model\.onnx does not exist/,
    );
  });

  it("embeds a tool from its words: name split at underscores, server, description, parameter names", () => {
    expect(
      toolText({
        name: "get_forecast",
        server: "geo",
        description: "Weather",
        inputSchema: { properties: { city_name: {}, days: {} } },
      }),
    ).toBe("get forecast (geo): Weather Parameters: city name, days");
  });
});
