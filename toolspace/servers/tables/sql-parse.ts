// A parser for the small SELECT dialect the query tool runs. Anything outside it is refused with
// a message that lists what is supported, so the model can rewrite its query instead of guessing.
import { ToolError } from "../shared/serve";

export const SUPPORTED =
  "Supported: SELECT [DISTINCT] col | t.col | * | COUNT(*) | COUNT/SUM/AVG/MIN/MAX(col) [AS name], ... FROM table [alias] " +
  "[JOIN table [alias] ON a.col = b.col] [WHERE conditions with =, !=, <>, <, >, <=, >=, LIKE, NOT LIKE, IN (...), NOT IN (...), " +
  "IS [NOT] NULL, AND, OR, NOT, parentheses] [GROUP BY cols] [ORDER BY col | alias | position [ASC|DESC], ...] [LIMIT n]. " +
  "Strings in single quotes; one statement; no subqueries, UNION, HAVING or arithmetic.";

export type ColRef = { table?: string; column: string };
export type Value = { kind: "lit"; value: string | number | null } | { kind: "col"; ref: ColRef };
export type Cond =
  | { kind: "and" | "or"; left: Cond; right: Cond }
  | { kind: "not"; cond: Cond }
  | { kind: "cmp"; op: string; left: Value; right: Value }
  | { kind: "like"; negate: boolean; left: Value; pattern: string }
  | { kind: "in"; negate: boolean; left: Value; values: (string | number)[] }
  | { kind: "null"; negate: boolean; left: Value };
export type Item =
  | { kind: "star" }
  | { kind: "col"; ref: ColRef; alias?: string }
  | { kind: "agg"; fn: string; ref: ColRef | null; alias?: string };
export type OrderTerm = { key: number | ColRef; desc: boolean };
export type Select = {
  distinct: boolean;
  items: Item[];
  from: { table: string; alias: string };
  join?: { table: string; alias: string; left: ColRef; right: ColRef };
  where?: Cond;
  groupBy: ColRef[];
  orderBy: OrderTerm[];
  limit?: number;
};

type Tok = { t: "id" | "num" | "str" | "op"; v: string };
const KEYWORDS = new Set(
  "select distinct from join inner on where group by order asc desc limit and or not like in is null as".split(" "),
);
const AGGS = new Set(["count", "sum", "avg", "min", "max"]);

function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|([A-Za-z_][A-Za-z0-9_]*)|(<>|!=|<=|>=|[=<>(),.*;]))/y;
  let i = 0;
  while (i < sql.length) {
    if (/^\s*$/.test(sql.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(sql);
    if (!m) throw new ToolError(`Cannot read the query near "${sql.slice(i, i + 20).trim()}". ${SUPPORTED}`);
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: "num", v: m[1] });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].replace(/''/g, "'") });
    else if (m[3] !== undefined) out.push({ t: "id", v: m[3] });
    else out.push({ t: "op", v: m[4] });
  }
  if (out.at(-1)?.v === ";") out.pop();
  return out;
}

export function parseSelect(sql: string): Select {
  const p = new Parser(tokenize(sql));
  const s = p.select();
  p.end();
  return s;
}

/** A bare WHERE condition, as update_rows and delete_rows take. */
export function parseCondition(text: string): Cond {
  const p = new Parser(tokenize(text));
  const c = p.or();
  p.end();
  return c;
}

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
  peek(o = 0) {
    return this.toks[this.i + o];
  }
  kw(word: string) {
    const t = this.peek();
    if (t?.t !== "id" || t.v.toLowerCase() !== word) return false;
    this.i++;
    return true;
  }
  op(v: string) {
    if (this.peek()?.t !== "op" || this.peek().v !== v) return false;
    this.i++;
    return true;
  }
  fail(what: string): never {
    const t = this.peek();
    throw new ToolError(`Expected ${what} ${t ? `at "${t.v}"` : "at the end of the query"}. ${SUPPORTED}`);
  }
  need(word: string) {
    if (!this.kw(word)) this.fail(word.toUpperCase());
  }
  end() {
    if (this.peek()) {
      const v = this.peek().v.toLowerCase();
      if (["union", "having", "offset", "intersect", "except"].includes(v))
        throw new ToolError(`${v.toUpperCase()} is not supported. ${SUPPORTED}`);
      this.fail("the end of the query");
    }
  }
  name(): string {
    const t = this.peek();
    if (t?.t !== "id" || KEYWORDS.has(t.v.toLowerCase())) this.fail("a name");
    this.i++;
    return t.v;
  }
  colRef(): ColRef {
    const a = this.name();
    if (this.op(".")) return { table: a, column: this.name() };
    return { column: a };
  }
  alias(): string | undefined {
    if (this.kw("as")) return this.name();
    const t = this.peek();
    if (t?.t === "id" && !KEYWORDS.has(t.v.toLowerCase())) return this.name();
    return undefined;
  }
  select(): Select {
    if (!this.kw("select")) {
      const first = this.peek()?.v.toUpperCase() ?? "nothing";
      throw new ToolError(
        `Only SELECT queries run here (got ${first}); use insert_row/update_rows to change data. ${SUPPORTED}`,
      );
    }
    const distinct = this.kw("distinct");
    const items: Item[] = [];
    do items.push(this.item());
    while (this.op(","));
    this.need("from");
    const table = this.name();
    const from = { table, alias: this.alias() ?? table };
    let join: Select["join"];
    if (this.kw("inner") || this.peek()?.v.toLowerCase() === "join") {
      this.need("join");
      const jt = this.name();
      const alias = this.alias() ?? jt;
      this.need("on");
      const left = this.colRef();
      if (!this.op("=")) this.fail("= in the JOIN condition (only equality joins)");
      join = { table: jt, alias, left, right: this.colRef() };
    } else if (["left", "right", "full", "cross", "outer"].includes(this.peek()?.v.toLowerCase() ?? ""))
      throw new ToolError(`Only inner JOIN is supported. ${SUPPORTED}`);
    const where = this.kw("where") ? this.or() : undefined;
    const groupBy: ColRef[] = [];
    if (this.kw("group")) {
      this.need("by");
      do groupBy.push(this.colRef());
      while (this.op(","));
    }
    const orderBy: OrderTerm[] = [];
    if (this.kw("order")) {
      this.need("by");
      do {
        const t = this.peek();
        let key: OrderTerm["key"];
        if (t?.t === "num") {
          this.i++;
          key = Number(t.v);
        } else if (t?.t === "id" && AGGS.has(t.v.toLowerCase()) && this.peek(1)?.v === "(") {
          const it = this.item() as { fn: string; ref: ColRef | null };
          key = { column: `${it.fn}(${it.ref ? it.ref.column : "*"})` };
        } else key = this.colRef();
        const desc = this.kw("desc");
        if (!desc) this.kw("asc");
        orderBy.push({ key, desc });
      } while (this.op(","));
    }
    let limit: number | undefined;
    if (this.kw("limit")) {
      const t = this.peek();
      if (t?.t !== "num" || !/^\d+$/.test(t.v)) this.fail("a whole number after LIMIT");
      this.i++;
      limit = Number(t.v);
    }
    return { distinct, items, from, join, where, groupBy, orderBy, limit };
  }
  item(): Item {
    if (this.op("*")) return { kind: "star" };
    const t = this.peek();
    if (t?.t === "id" && AGGS.has(t.v.toLowerCase()) && this.peek(1)?.v === "(") {
      this.i += 2;
      const fn = t.v.toLowerCase();
      let ref: ColRef | null = null;
      if (this.op("*")) {
        if (fn !== "count") this.fail(`a column inside ${fn.toUpperCase()}()`);
      } else ref = this.colRef();
      if (!this.op(")")) this.fail(") after the aggregate");
      return { kind: "agg", fn, ref, alias: this.alias() };
    }
    if (t?.t === "id" && this.peek(1)?.v === "(")
      throw new ToolError(`Function ${t.v}() is not supported; only COUNT, SUM, AVG, MIN, MAX. ${SUPPORTED}`);
    return { kind: "col", ref: this.colRef(), alias: this.alias() };
  }
  value(): Value {
    const t = this.peek();
    if (t?.t === "num" || t?.t === "str") {
      this.i++;
      return { kind: "lit", value: t.t === "num" ? Number(t.v) : t.v };
    }
    if (t?.t === "op" && t.v === "(") this.fail("a column or value (no subqueries)");
    if (this.kw("null")) return { kind: "lit", value: null };
    return { kind: "col", ref: this.colRef() };
  }
  or(): Cond {
    let c = this.and();
    while (this.kw("or")) c = { kind: "or", left: c, right: this.and() };
    return c;
  }
  and(): Cond {
    let c = this.unary();
    while (this.kw("and")) c = { kind: "and", left: c, right: this.unary() };
    return c;
  }
  unary(): Cond {
    if (this.kw("not")) return { kind: "not", cond: this.unary() };
    if (this.op("(")) {
      const c = this.or();
      if (!this.op(")")) this.fail(")");
      return c;
    }
    const left = this.value();
    if (this.kw("is")) {
      const negate = this.kw("not");
      this.need("null");
      return { kind: "null", negate, left };
    }
    const negate = this.kw("not");
    if (this.kw("like")) {
      const t = this.peek();
      if (t?.t !== "str") this.fail("a quoted pattern after LIKE");
      this.i++;
      return { kind: "like", negate, left, pattern: t.v };
    }
    if (this.kw("in")) {
      if (!this.op("(")) this.fail("( after IN");
      const values: (string | number)[] = [];
      do {
        const v = this.value();
        if (v.kind !== "lit" || v.value === null) this.fail("a number or quoted string in the IN list");
        values.push(v.value);
      } while (this.op(","));
      if (!this.op(")")) this.fail(") to close the IN list");
      return { kind: "in", negate, left, values };
    }
    if (negate) this.fail("LIKE or IN after NOT");
    const t = this.peek();
    if (t?.t !== "op" || !["=", "!=", "<>", "<", ">", "<=", ">="].includes(t.v))
      this.fail("a comparison (=, !=, <, >, <=, >=, LIKE, IN)");
    this.i++;
    return { kind: "cmp", op: t.v === "<>" ? "!=" : t.v, left, right: this.value() };
  }
}
