// Text machinery for the document store: tokens, BM25 ranking, tf-idf weights, sentences,
// sections and a line diff. Plain functions over strings so the store stays small.

const STOP = new Set(
  "a an and are as at be by can do for from has have how i if in is it its may must no not of on or our so than that the their then there these this to up us use we what when where which who will with you your".split(
    " ",
  ),
);

/** Lower-case word tokens without stop words; a trailing plural "s" is dropped so "tents" finds "tent". */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

const counts = (ts: string[]) => {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** Okapi BM25 (k1 1.2, b 0.75) over the given texts; returns a score per text. */
export function bm25(texts: string[], query: string): number[] {
  const docs = texts.map((t) => counts(tokens(t)));
  const lens = texts.map((t) => tokens(t).length);
  const avg = lens.reduce((s, n) => s + n, 0) / Math.max(1, lens.length);
  const q = [...new Set(tokens(query))];
  return docs.map((tf, i) =>
    q.reduce((score, term) => {
      const f = tf.get(term) ?? 0;
      if (f === 0) return score;
      const df = docs.filter((d) => d.has(term)).length;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      return score + (idf * f * 2.2) / (f + 1.2 * (1 - 0.75 + (0.75 * lens[i]) / avg));
    }, 0),
  );
}

/** tf-idf weight of each term of one text against a corpus. */
export function tfidf(text: string, corpus: string[]): Map<string, number> {
  const sets = corpus.map((t) => new Set(tokens(t)));
  const w = new Map<string, number>();
  for (const [term, f] of counts(tokens(text))) {
    const df = sets.filter((s) => s.has(term)).length;
    w.set(term, f * Math.log((1 + corpus.length) / (1 + df)));
  }
  return w;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [k, v] of a) dot += v * (b.get(k) ?? 0);
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  return dot === 0 ? 0 : dot / (norm(a) * norm(b));
}

/** Sentences of the body's prose; headings are not sentences. */
export function sentences(body: string): string[] {
  return body
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .flatMap((l) => l.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export type Section = { heading: string; text: string };

/** Splits at "## " headings; text before the first heading is the untitled introduction. */
export function sections(body: string): Section[] {
  const out: Section[] = [{ heading: "", text: "" }];
  for (const line of body.split("\n")) {
    const h = line.match(/^#{1,6}\s+(.*)$/);
    if (h) out.push({ heading: h[1].trim(), text: "" });
    else out[out.length - 1].text += `${line}\n`;
  }
  return out.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.heading || s.text);
}

/** The sentence with most query terms, the matched words marked with «». */
export function snippet(body: string, query: string): string {
  const q = new Set(tokens(query));
  const ss = sentences(body);
  // distinct query terms first, so "per diem" prefers the sentence with both words
  const hits = (s: string) => {
    const ts = tokens(s).filter((t) => q.has(t));
    return new Set(ts).size * 100 + ts.length;
  };
  const best = ss.reduce((a, s) => (hits(s) > hits(a) ? s : a), ss[0] ?? "");
  const marked = best.replace(/[A-Za-z0-9]+/g, (w) => (tokens(w).some((t) => q.has(t)) ? `«${w}»` : w));
  return marked.length > 240 ? `${marked.slice(0, 237)}...` : marked;
}

export type DiffLine = { op: "+" | "-"; line: number; text: string };

/** Line diff by longest common subsequence: removed lines carry their number in the old
 * version, added lines their number in the new one; unchanged lines are left out. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      out.push({ op: "-", line: ++i, text: a[i - 1] });
    else out.push({ op: "+", line: ++j, text: b[j - 1] });
  }
  return out;
}
