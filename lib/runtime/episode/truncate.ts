// A tool result longer than maxToolResultTokens is cut for the model. The rule: keep the head and
// the tail (two thirds and one third of what fits), join them with a marker that names how many
// characters were cut and where the full result is stored, and shrink until the whole, marker
// included, fits. Head and tail because results tend to open with what they are (a header, the
// first rows) and end with how they ended (totals, an error, "more available").
import type { Tokenizer } from "@/lib/trajectories/server/tokenizers";

export const cutMarker = (cut: number, total: number, ref: string) =>
  `\n[… ${cut} of ${total} characters cut here; the full result is stored as ${ref}]\n`;

export type Cut = { text: string; cutChars: number };

/** The text as it fits in `maxTokens`; `ref` names the stored full result in the marker. */
export function cutToolResult(text: string, maxTokens: number, tok: Tokenizer, ref: string): Cut {
  const tokens = tok.count(text);
  if (tokens <= maxTokens) return { text, cutChars: 0 };
  const charsPerToken = text.length / Math.max(1, tokens);
  const markerTokens = tok.count(cutMarker(text.length, text.length, ref));
  let keep = Math.max(0, Math.floor((maxTokens - markerTokens) * charsPerToken));
  for (let i = 0; i < 20; i++) {
    const head = Math.ceil((keep * 2) / 3);
    const tail = keep - head;
    const out = text.slice(0, head) + cutMarker(text.length - keep, text.length, ref) + (tail ? text.slice(-tail) : "");
    if (keep === 0 || tok.count(out) <= maxTokens) return { text: out, cutChars: text.length - keep };
    keep = Math.floor(keep * 0.9);
  }
  return { text: cutMarker(text.length, text.length, ref), cutChars: text.length };
}

/** Whether the text needs cutting: the sink stores the full text only then. */
export const overLimit = (text: string, maxTokens: number, tok: Tokenizer) => tok.count(text) > maxTokens;
