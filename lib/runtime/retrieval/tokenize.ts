// Tokens for BM25 tool retrieval. Queries and tool documents go through the same function, so
// every rule here must hold for both sides.
//
// Rules, in order:
// - Each Han character is a token of its own: the catalogue has Chinese descriptions, and
//   without a segmenter a whole clause would otherwise be one unmatchable token.
// - A word is a run of letters and digits, possibly joined by single `_ - . /` characters
//   (`search_wikipedia`, `file.txt`). A joined or camelCase word is also kept whole, lowercased
//   and unstemmed, so a query that names a tool exactly (`search_files`, `maxDepth`) matches it.
// - Its parts are split at `_ - . /` and at camelCase boundaries (`getHTMLPage` -> get, html,
//   page), lowercased, stripped of a short English stop list and of one-character latin parts,
//   and lightly stemmed (see `stem`).
const WORD = /[\p{L}\p{N}]+(?:[_\-./][\p{L}\p{N}]+)*/gu;
const HAN = /\p{Script=Han}/gu;
const IS_HAN = /^\p{Script=Han}$/u;

// Function words only: domain words such as "get", "list" or "search" carry meaning for tools
// (and idf already discounts them where they are everywhere).
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by can could do does for from has have how i if in into is it its " +
    "me my no not of on or our please should so than that the their them then there these this those " +
    "to was we were what when where which while who whom why will with would you your"
  ).split(" "),
);

/**
 * Conservative suffix stripping, deliberately lighter than Porter: it only merges the forms
 * tool text actually mixes (file/files, query/queries, search/searches/searching,
 * create/created/creating). Stems are index keys, not words.
 * - `ies` -> `y` (queries -> query); `sses` -> `ss`; a final `s` goes unless the word ends in
 *   `ss`, `us` or `is` (status, analysis) or is 3 letters or shorter;
 * - `ing` / `ed` go when at least 4 letters stay (string and speed are kept), then a doubled
 *   final consonant other than l, s, z is undoubled (mapping -> map);
 * - last, a final `e` goes from words over 4 letters (create -> creat, so it meets created).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith("ing") && w.length - 3 >= 4) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith("ed") && !w.endsWith("eed") && w.length - 2 >= 4) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped && /([b-df-hj-kmnp-rtv-y])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}

function splitCamel(part: string): string[] {
  return part
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(" ");
}

// Words repeat across tools and queries; caching their tokens makes indexing several times
// faster. Cleared when full so that a stream of novel queries cannot grow it without bound.
const wordCache = new Map<string, readonly string[]>();
const CACHE_MAX = 50_000;

function wordTokens(word: string): readonly string[] {
  let tokens = wordCache.get(word);
  if (tokens) return tokens;
  const parts = word.split(/[_\-./]/).flatMap(splitCamel);
  const out: string[] = parts.length > 1 ? [word.toLowerCase()] : [];
  for (const part of parts) {
    const lower = part.toLowerCase();
    if (lower.length < 2 && !IS_HAN.test(lower)) continue;
    if (STOP_WORDS.has(lower)) continue;
    out.push(stem(lower));
  }
  tokens = out;
  if (wordCache.size >= CACHE_MAX) wordCache.clear();
  wordCache.set(word, tokens);
  return tokens;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [word] of text.replace(HAN, " $& ").matchAll(WORD)) for (const t of wordTokens(word)) out.push(t);
  return out;
}
