// Runs a parsed SELECT over the in-memory tables: scan, hash join, filter, group and aggregate,
// sort, limit. `explain` describes the same steps in words.
import { ToolError } from "../shared/serve";
import type { ColRef, Cond, Item, Select, Value } from "./sql-parse";
import { type Cell, getTable, type Row, type Table } from "./store";

type Source = { alias: string; table: Table };
type Wide = Record<string, Cell>; // keys "alias.column"

export function resolver(sources: Source[]) {
  return (ref: ColRef): string => {
    const hits = sources.filter(
      (s) =>
        (!ref.table || s.alias.toLowerCase() === ref.table.toLowerCase()) &&
        s.table.columns.some((c) => c.name.toLowerCase() === ref.column.toLowerCase()),
    );
    const name = ref.table ? `${ref.table}.${ref.column}` : ref.column;
    if (hits.length === 0)
      throw new ToolError(
        `Unknown column ${name}. Columns: ${sources.flatMap((s) => s.table.columns.map((c) => `${s.alias}.${c.name}`)).join(", ")}.`,
      );
    if (hits.length > 1)
      throw new ToolError(
        `Column ${name} is ambiguous; qualify it (${hits.map((h) => `${h.alias}.${ref.column}`).join(" or ")}).`,
      );
    const col = hits[0].table.columns.find((c) => c.name.toLowerCase() === ref.column.toLowerCase());
    return `${hits[0].alias}.${col?.name}`;
  };
}

// A number compared with numeric text compares as numbers ('60000' means 60000 against a salary).
const num = (v: Cell) =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
const cmp = (a: Cell, b: Cell) =>
  (typeof a === "number" || typeof b === "number") && !Number.isNaN(num(a)) && !Number.isNaN(num(b))
    ? num(a) - num(b)
    : String(a).localeCompare(String(b));
const likeRe = (p: string) =>
  new RegExp(
    `^${p
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace(/%/g, ".*")
      .replace(/_/g, ".")}$`,
    "is",
  );

export function compileCond(c: Cond, key: (r: ColRef) => string): (row: Wide) => boolean {
  const val = (v: Value) =>
    v.kind === "lit"
      ? () => v.value
      : (
          (k) => (row: Wide) =>
            row[k]
        )(key(v.ref));
  switch (c.kind) {
    case "and": {
      const [l, r] = [compileCond(c.left, key), compileCond(c.right, key)];
      return (row) => l(row) && r(row);
    }
    case "or": {
      const [l, r] = [compileCond(c.left, key), compileCond(c.right, key)];
      return (row) => l(row) || r(row);
    }
    case "not": {
      const f = compileCond(c.cond, key);
      return (row) => !f(row);
    }
    case "null": {
      const f = val(c.left);
      return (row) => (f(row) === null) !== c.negate;
    }
    case "like": {
      const [f, re] = [val(c.left), likeRe(c.pattern)];
      return (row) => f(row) !== null && re.test(String(f(row))) !== c.negate;
    }
    case "in": {
      const f = val(c.left);
      return (row) => f(row) !== null && c.values.some((v) => cmp(f(row), v) === 0) !== c.negate;
    }
    case "cmp": {
      const [l, r] = [val(c.left), val(c.right)];
      const test = {
        "=": (d: number) => d === 0,
        "!=": (d: number) => d !== 0,
        "<": (d: number) => d < 0,
        ">": (d: number) => d > 0,
        "<=": (d: number) => d <= 0,
        ">=": (d: number) => d >= 0,
      }[c.op];
      return (row) => {
        const [a, b] = [l(row), r(row)];
        return a !== null && b !== null && !!test?.(cmp(a, b));
      };
    }
  }
}

function aggregate(fn: string, vals: Cell[]): Cell {
  const xs = vals.filter((v) => v !== null);
  if (fn === "count") return xs.length;
  if (xs.length === 0) return null;
  if (fn === "min") return xs.reduce((a, b) => (cmp(a, b) <= 0 ? a : b));
  if (fn === "max") return xs.reduce((a, b) => (cmp(a, b) >= 0 ? a : b));
  if (xs.some((v) => typeof v !== "number")) throw new ToolError(`${fn.toUpperCase()} needs a numeric column.`);
  const sum = (xs as number[]).reduce((a, b) => a + b, 0);
  return Math.round((fn === "sum" ? sum : sum / xs.length) * 1e6) / 1e6;
}

const label = (it: Item) =>
  it.kind === "agg"
    ? (it.alias ?? `${it.fn}(${it.ref ? it.ref.column : "*"})`)
    : it.kind === "col"
      ? (it.alias ?? it.ref.column)
      : "*";

export function sourcesOf(q: Select): Source[] {
  const s = [{ alias: q.from.alias, table: getTable(q.from.table) }];
  if (q.join) s.push({ alias: q.join.alias, table: getTable(q.join.table) });
  return s;
}

export function runSelect(q: Select): { columns: string[]; rows: Row[] } {
  const sources = sourcesOf(q);
  const key = resolver(sources);
  const widen = (s: Source, r: Row): Wide =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [`${s.alias}.${k}`, v]));
  let rows: Wide[] = sources[0].table.rows.map((r) => widen(sources[0], r));
  if (q.join) {
    const [lk, rk] = [key(q.join.left), key(q.join.right)];
    const [outer, inner] = lk.startsWith(`${q.join.alias}.`) ? [rk, lk] : [lk, rk];
    if (!inner.startsWith(`${q.join.alias}.`))
      throw new ToolError(`The ON condition must compare a column of ${q.from.alias} with one of ${q.join.alias}.`);
    const index = new Map<Cell, Wide[]>();
    for (const r of sources[1].table.rows.map((x) => widen(sources[1], x)))
      index.set(r[inner], [...(index.get(r[inner]) ?? []), r]);
    rows = rows.flatMap((r) => (index.get(r[outer]) ?? []).map((m) => ({ ...r, ...m })));
  }
  if (q.where) rows = rows.filter(compileCond(q.where, key));

  const items = q.items.flatMap((it): Item[] =>
    it.kind === "star"
      ? sources.flatMap((s) =>
          s.table.columns.map((c) => ({ kind: "col" as const, ref: { table: s.alias, column: c.name } })),
        )
      : [it],
  );
  const labels = items.map(label);
  const columns = labels.map((l, i) =>
    labels.indexOf(l) !== labels.lastIndexOf(l) && items[i].kind === "col" ? key((items[i] as { ref: ColRef }).ref) : l,
  );
  const grouped = q.groupBy.length > 0 || items.some((i) => i.kind === "agg");
  let out: { src: Wide; row: Row }[];
  if (grouped) {
    const gkeys = q.groupBy.map(key);
    for (const it of items)
      if (it.kind === "col" && !gkeys.includes(key(it.ref)))
        throw new ToolError(
          `Column ${key(it.ref)} must be in GROUP BY or inside an aggregate (COUNT/SUM/AVG/MIN/MAX).`,
        );
    const groups = new Map<string, Wide[]>();
    for (const r of rows) {
      const k = JSON.stringify(gkeys.map((g) => r[g]));
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    if (gkeys.length === 0 && groups.size === 0) groups.set("[]", []);
    out = [...groups.values()].map((g) => {
      const row: Row = {};
      items.forEach((it, i) => {
        row[columns[i]] =
          it.kind === "agg"
            ? aggregate(it.fn, it.ref ? g.map((r) => r[key(it.ref as ColRef)]) : g.map(() => 1))
            : g[0][key((it as { ref: ColRef }).ref)];
      });
      return { src: g[0] ?? {}, row };
    });
  } else
    out = rows.map((r) => ({
      src: r,
      row: Object.fromEntries(items.map((it, i) => [columns[i], r[key((it as { ref: ColRef }).ref)]])),
    }));

  if (q.distinct) {
    const seen = new Set<string>();
    out = out.filter((o) => !seen.has(JSON.stringify(o.row)) && !!seen.add(JSON.stringify(o.row)));
  }
  if (q.orderBy.length) {
    const getters = q.orderBy.map(({ key: k, desc }) => {
      let get: (o: { src: Wide; row: Row }) => Cell;
      if (typeof k === "number") {
        if (k < 1 || k > columns.length)
          throw new ToolError(`ORDER BY ${k} is out of range: the query has ${columns.length} columns.`);
        get = (o) => o.row[columns[k - 1]];
      } else {
        const want = (k.table ? `${k.table}.${k.column}` : k.column).toLowerCase();
        // An aliased aggregate can still be ordered by its expression, as in ORDER BY COUNT(*).
        const at = items.findIndex(
          (it, i) => columns[i].toLowerCase() === want || label({ ...it, alias: undefined } as Item) === want,
        );
        const byLabel = at >= 0 ? columns[at] : undefined;
        if (byLabel) get = (o) => o.row[byLabel];
        else if (grouped) throw new ToolError(`ORDER BY ${k.column} must name a selected column, alias or position.`);
        else {
          const sk = key(k);
          get = (o) => o.src[sk];
        }
      }
      return { get, desc };
    });
    out.sort((a, b) => {
      for (const { get, desc } of getters) {
        const [x, y] = [get(a), get(b)];
        const d = x === null ? (y === null ? 0 : 1) : y === null ? -1 : cmp(x, y);
        if (d) return desc ? -d : d;
      }
      return 0;
    });
  }
  if (q.limit !== undefined) out = out.slice(0, q.limit);
  return { columns, rows: out.map((o) => o.row) };
}

export function explain(q: Select): string[] {
  const sources = sourcesOf(q);
  const key = resolver(sources);
  const steps = [
    `Scan ${sources[0].table.name}${q.from.alias !== q.from.table ? ` as ${q.from.alias}` : ""} (${sources[0].table.rows.length} rows).`,
  ];
  if (q.join && sources[1])
    steps.push(
      `Hash join ${sources[1].table.name} (${sources[1].table.rows.length} rows) on ${key(q.join.left)} = ${key(q.join.right)}, keeping matching pairs only.`,
    );
  if (q.where) steps.push("Filter rows by the WHERE condition.");
  const aggs = q.items.filter((i) => i.kind === "agg");
  if (q.groupBy.length)
    steps.push(`Group by ${q.groupBy.map(key).join(", ")} and compute ${aggs.map(label).join(", ") || "the groups"}.`);
  else if (aggs.length) steps.push(`Aggregate all rows into one: ${aggs.map(label).join(", ")}.`);
  steps.push(`Project ${q.items.map(label).join(", ")}.`);
  if (q.distinct) steps.push("Drop duplicate rows.");
  if (q.orderBy.length)
    steps.push(
      `Sort by ${q.orderBy.map((o) => `${typeof o.key === "number" ? `column ${o.key}` : o.key.column} ${o.desc ? "descending" : "ascending"}`).join(", ")}.`,
    );
  if (q.limit !== undefined) steps.push(`Keep the first ${q.limit} rows.`);
  return steps;
}
