// Step-by-step alignment of two trajectories for the diff view: a global alignment
// (Needleman-Wunsch) over step signatures (the role, and for assistant turns the tools called,
// for tool results the tool answered), so that an inserted detour shows as a gap and the rest
// lines up again. Pure and browser-safe.

export type AlignableStep = {
  role: string;
  message: { content: string; name?: string | null; toolCalls: { name: string; arguments: string }[] };
};

export type PairKind =
  /** the same step: same role and tools, same arguments */
  | "same"
  /** the same tools called with different arguments */
  | "args"
  /** a different choice: other tools, or a tool call against a plain answer */
  | "tool"
  /** a step only one side has */
  | "a-only"
  | "b-only";

export type AlignedPair = {
  a: number | null;
  b: number | null;
  kind: PairKind;
  /** the text (content) differs; for tool results, the output */
  textDiffers: boolean;
};

export function signature(s: AlignableStep): string {
  if (s.role === "assistant") return `assistant(${s.message.toolCalls.map((c) => c.name).join(",")})`;
  if (s.role === "tool") return `tool(${s.message.name ?? ""})`;
  return s.role;
}

const MATCH = 2;
const SUBSTITUTE = -1;
const GAP = -1;
// Different roles never pair up: two gaps (-2) always score better.
const CROSS_ROLE = -3;
/** Past this many cells of the middle part, steps pair up in order instead (memory stays small). */
const MAX_CELLS = 25_000_000;

export function alignSteps(a: AlignableStep[], b: AlignableStep[]): AlignedPair[] {
  const sa = a.map(signature);
  const sb = b.map(signature);
  // a shared beginning and end pair up directly: most diffs differ in a short middle
  let pre = 0;
  while (pre < a.length && pre < b.length && sa[pre] === sb[pre]) pre++;
  let post = 0;
  while (post < a.length - pre && post < b.length - pre && sa[a.length - 1 - post] === sb[b.length - 1 - post]) post++;

  const moves: [number | null, number | null][] = [];
  for (let i = 0; i < pre; i++) moves.push([i, i]);
  const n = a.length - pre - post;
  const m = b.length - pre - post;
  const middle =
    (n + 1) * (m + 1) > MAX_CELLS
      ? inOrder(n, m)
      : needlemanWunsch(n, m, (i, j) => score(a[pre + i], b[pre + j], sa[pre + i], sb[pre + j]));
  for (const [i, j] of middle) moves.push([i === null ? null : pre + i, j === null ? null : pre + j]);
  for (let k = post; k > 0; k--) moves.push([a.length - k, b.length - k]);

  return moves.map(([i, j]) => pairOf(i === null ? null : a[i], j === null ? null : b[j], i, j));
}

function score(x: AlignableStep, y: AlignableStep, sx: string, sy: string) {
  if (sx === sy) return MATCH;
  return x.role === y.role ? SUBSTITUTE : CROSS_ROLE;
}

function needlemanWunsch(n: number, m: number, cost: (i: number, j: number) => number) {
  // one row of scores at a time, and the moves for the whole table: 1 diagonal, 2 up (a only), 3 left (b only)
  const dir = new Uint8Array((n + 1) * (m + 1));
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) {
    prev[j] = j * GAP;
    dir[j] = 3;
  }
  for (let i = 1; i <= n; i++) {
    cur[0] = i * GAP;
    dir[i * (m + 1)] = 2;
    for (let j = 1; j <= m; j++) {
      const diag = prev[j - 1] + cost(i - 1, j - 1);
      const up = prev[j] + GAP;
      const left = cur[j - 1] + GAP;
      let best = diag;
      let d = 1;
      // on a tie the trace back takes B's gap first, so that A's steps are listed before B's
      if (left > best) {
        best = left;
        d = 3;
      }
      if (up > best) {
        best = up;
        d = 2;
      }
      cur[j] = best;
      dir[i * (m + 1) + j] = d;
    }
    [prev, cur] = [cur, prev];
  }
  const out: [number | null, number | null][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const d = i === 0 ? 3 : j === 0 ? 2 : dir[i * (m + 1) + j];
    if (d === 1) out.push([--i, --j]);
    else if (d === 2) out.push([--i, null]);
    else out.push([null, --j]);
  }
  return out.reverse();
}

function inOrder(n: number, m: number) {
  const out: [number | null, number | null][] = [];
  for (let k = 0; k < Math.max(n, m); k++) out.push([k < n ? k : null, k < m ? k : null]);
  return out;
}

function pairOf(x: AlignableStep | null, y: AlignableStep | null, i: number | null, j: number | null): AlignedPair {
  if (!x) return { a: null, b: j, kind: "b-only", textDiffers: true };
  if (!y) return { a: i, b: null, kind: "a-only", textDiffers: true };
  const textDiffers = x.message.content !== y.message.content;
  if (signature(x) !== signature(y)) return { a: i, b: j, kind: "tool", textDiffers: true };
  const argsDiffer = x.message.toolCalls.some((c, k) => !sameArguments(c.arguments, y.message.toolCalls[k].arguments));
  return { a: i, b: j, kind: argsDiffer ? "args" : "same", textDiffers };
}

/** The first pair where the two runs chose differently (a tool, its arguments, or a step only one has). */
export function firstDivergence(pairs: AlignedPair[]): number {
  return pairs.findIndex((p) => p.kind !== "same");
}

const parse = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/** Key order and whitespace do not make arguments different. */
export function sameArguments(x: string, y: string): boolean {
  if (x === y) return true;
  const px = parse(x);
  const py = parse(y);
  if (!px.ok || !py.ok) return x.trim() === y.trim();
  return stable(px.value) === stable(py.value);
}

export type KeyDiff = { key: string; status: "same" | "changed" | "added" | "removed"; a?: unknown; b?: unknown };
export type ArgumentsDiff =
  | { parsed: true; keys: KeyDiff[] }
  /** one side is not a JSON object: the texts are compared whole */
  | { parsed: false; same: boolean };

/** Per top-level key: same, changed, added (only in B) or removed (only in A). */
export function diffArguments(x: string, y: string): ArgumentsDiff {
  const px = parse(x);
  const py = parse(y);
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!px.ok || !py.ok || !isObject(px.value) || !isObject(py.value))
    return { parsed: false, same: sameArguments(x, y) };
  const va = px.value;
  const vb = py.value;
  const keys = [...new Set([...Object.keys(va), ...Object.keys(vb)])];
  return {
    parsed: true,
    keys: keys.map((key) => {
      if (!(key in vb)) return { key, status: "removed", a: va[key] };
      if (!(key in va)) return { key, status: "added", b: vb[key] };
      return { key, status: stable(va[key]) === stable(vb[key]) ? "same" : "changed", a: va[key], b: vb[key] };
    }),
  };
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}
