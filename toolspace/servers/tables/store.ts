// The database's tables, loaded from data/*.json when the server starts (each episode gets a fresh
// copy), with the column checks that insert_row and update_rows apply.
import { readFileSync } from "node:fs";
import { ToolError } from "../shared/serve";

export type ColType = "integer" | "number" | "text" | "date" | "boolean";
export type Column = { name: string; type: ColType; nullable: boolean; primary_key?: boolean; references?: string };
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type Table = { name: string; description: string; columns: Column[]; rows: Row[] };

const NAMES = ["departments", "employees", "projects", "timesheets", "sales"];
export const tables: Table[] = NAMES.map(
  (n) => JSON.parse(readFileSync(new URL(`./data/${n}.json`, import.meta.url), "utf8")) as Table,
);

export function getTable(name: string): Table {
  const t = tables.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!t) throw new ToolError(`No table "${name}". Tables: ${tables.map((x) => x.name).join(", ")}.`);
  return t;
}

export function getColumn(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!c)
    throw new ToolError(
      `Table ${t.name} has no column "${name}". Columns: ${t.columns.map((x) => x.name).join(", ")}.`,
    );
  return c;
}

/** Coerces a value to the column's type or says why it cannot. */
export function coerce(t: Table, c: Column, v: unknown): Cell {
  if (v === null || v === undefined) {
    if (!c.nullable) throw new ToolError(`${t.name}.${c.name} cannot be null.`);
    return null;
  }
  const bad = (want: string) => new ToolError(`${t.name}.${c.name} is ${want}; got ${JSON.stringify(v)}.`);
  switch (c.type) {
    case "integer": {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n)) throw bad("an integer");
      return n;
    }
    case "number": {
      const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isFinite(n)) throw bad("a number");
      return n;
    }
    case "date":
      if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw bad("a date (YYYY-MM-DD)");
      return v;
    case "boolean":
      if (typeof v !== "boolean") throw bad("true or false");
      return v;
    default:
      if (typeof v !== "string") throw bad("text");
      return v;
  }
}

/** Foreign keys ("table.column") must point at an existing row. */
export function checkReference(t: Table, c: Column, v: Cell) {
  if (!c.references || v === null) return;
  const [rt, rc] = c.references.split(".");
  const target = getTable(rt);
  if (!target.rows.some((r) => r[rc] === v))
    throw new ToolError(`${t.name}.${c.name} = ${JSON.stringify(v)} matches no ${c.references}.`);
}

export function insertRow(t: Table, values: Record<string, unknown>): Row {
  for (const k of Object.keys(values)) getColumn(t, k);
  const lower = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const row: Row = {};
  for (const c of t.columns) {
    let v = lower[c.name.toLowerCase()];
    if ((v === undefined || v === null) && c.primary_key && c.type === "integer")
      v = Math.max(0, ...t.rows.map((r) => Number(r[c.name]))) + 1;
    row[c.name] = coerce(t, c, v);
    if (c.primary_key && t.rows.some((r) => r[c.name] === row[c.name]))
      throw new ToolError(`${t.name}.${c.name} = ${row[c.name]} already exists (primary key).`);
    checkReference(t, c, row[c.name]);
  }
  t.rows.push(row);
  return row;
}
