// A small SQL database served offline: five related tables and a restricted SELECT dialect.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import { compileCond, explain, resolver, runSelect } from "./sql-exec";
import { parseCondition, parseSelect, SUPPORTED } from "./sql-parse";
import {
  type Cell,
  checkReference,
  coerce,
  getColumn,
  getTable,
  insertRow,
  type Row,
  type Table,
  tables,
} from "./store";

const MAX_ROWS = 500;

/** Rows of one table that a bare WHERE condition selects. */
function matching(t: Table, where: string): Row[] {
  const key = resolver([{ alias: t.name, table: t }]);
  const test = compileCond(parseCondition(where), key);
  return t.rows.filter((r) => test(Object.fromEntries(Object.entries(r).map(([k, v]) => [`${t.name}.${k}`, v]))));
}

const csvCell = (v: Cell) => {
  const s = v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

await serveStdio("tables", "1.0.0", [
  tool({
    name: "list_tables",
    description:
      "List the tables of the company database (departments, employees, projects, timesheets, sales) with row counts.",
    input: {},
    run: () => tables.map((t) => ({ name: t.name, description: t.description, rows: t.rows.length })),
  }),
  tool({
    name: "describe_table",
    description: "Describe a database table: columns with types, nullability, keys and references, and its row count.",
    input: { table: z.string() },
    run: ({ table }) => {
      const t = getTable(table);
      return { name: t.name, description: t.description, row_count: t.rows.length, columns: t.columns };
    },
  }),
  tool({
    name: "query",
    description: `Run a read-only SQL SELECT on the company database and return the rows (at most ${MAX_ROWS}). ${SUPPORTED} LIKE is case-insensitive with % and _.`,
    input: {
      sql: z
        .string()
        .min(1)
        .describe("e.g. SELECT department, COUNT(*) FROM employees GROUP BY department ORDER BY 2 DESC"),
    },
    run: ({ sql }) => {
      const r = runSelect(parseSelect(sql));
      return {
        columns: r.columns,
        row_count: r.rows.length,
        truncated: r.rows.length > MAX_ROWS,
        rows: r.rows.slice(0, MAX_ROWS),
      };
    },
  }),
  tool({
    name: "explain_query",
    description:
      "Explain how a SQL SELECT would be executed (scan, join, filter, group, sort, limit) without running it.",
    input: { sql: z.string().min(1) },
    run: ({ sql }) => ({ plan: explain(parseSelect(sql)) }),
  }),
  tool({
    name: "export_csv",
    description: "Run a SQL SELECT (same dialect as query) and return the whole result as CSV text with a header row.",
    input: { sql: z.string().min(1) },
    run: ({ sql }) => {
      const r = runSelect(parseSelect(sql));
      return [
        r.columns.map(csvCell).join(","),
        ...r.rows.map((row) => r.columns.map((c) => csvCell(row[c])).join(",")),
      ].join("\n");
    },
  }),
  tool({
    name: "insert_row",
    description:
      "Insert one row into a table. Values are checked against column types (integer, number, text, date YYYY-MM-DD), nullability, primary key and references; an integer id is assigned when omitted.",
    input: { table: z.string(), values: z.record(z.string(), z.unknown()).describe("column → value") },
    run: ({ table, values }) => {
      const t = getTable(table);
      return { inserted: insertRow(t, values), row_count: t.rows.length };
    },
  }),
  tool({
    name: "update_rows",
    description:
      "Update rows of a table that match a WHERE condition (same condition syntax as query, without the WHERE keyword); values are type-checked. Returns how many rows changed.",
    input: {
      table: z.string(),
      set: z.record(z.string(), z.unknown()).describe("column → new value"),
      where: z.string().min(1).describe("e.g. department = 'Sales' AND salary < 60000"),
    },
    run: ({ table, set, where }) => {
      const t = getTable(table);
      const updates = Object.entries(set).map(([k, v]) => {
        const c = getColumn(t, k);
        if (c.primary_key) throw new ToolError(`${t.name}.${c.name} is the primary key and cannot be updated.`);
        const value = coerce(t, c, v);
        checkReference(t, c, value);
        return [c.name, value] as const;
      });
      if (updates.length === 0) throw new ToolError("set names no columns.");
      const rows = matching(t, where);
      for (const r of rows) for (const [k, v] of updates) r[k] = v;
      return { updated: rows.length, rows: rows.slice(0, 50) };
    },
  }),
  tool({
    name: "delete_rows",
    description:
      "Delete rows of a table that match a WHERE condition (without the WHERE keyword). Returns how many were deleted.",
    input: { table: z.string(), where: z.string().min(1) },
    run: ({ table, where }) => {
      const t = getTable(table);
      const gone = new Set(matching(t, where));
      t.rows = t.rows.filter((r) => !gone.has(r));
      return { deleted: gone.size, row_count: t.rows.length };
    },
  }),
  tool({
    name: "sample_rows",
    description: "Show a few rows of a table (evenly spaced through it) to see what the data looks like.",
    input: { table: z.string(), n: z.number().int().min(1).max(50).default(5) },
    run: ({ table, n }) => {
      const t = getTable(table);
      const step = Math.max(1, Math.floor(t.rows.length / n));
      return { table: t.name, row_count: t.rows.length, rows: t.rows.filter((_, i) => i % step === 0).slice(0, n) };
    },
  }),
  tool({
    name: "distinct_values",
    description: "List the distinct values of one column of a table with how many rows have each, most frequent first.",
    input: { table: z.string(), column: z.string(), limit: z.number().int().min(1).max(500).default(100) },
    run: ({ table, column, limit }) => {
      const t = getTable(table);
      const c = getColumn(t, column);
      const counts = new Map<Cell, number>();
      for (const r of t.rows) counts.set(r[c.name], (counts.get(r[c.name]) ?? 0) + 1);
      const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
      return { column: `${t.name}.${c.name}`, distinct: values.length, values: values.slice(0, limit) };
    },
  }),
  tool({
    name: "column_stats",
    description:
      "Summary statistics of one column: count, nulls, distinct, min, max, and for numeric columns sum, mean and median.",
    input: { table: z.string(), column: z.string() },
    run: ({ table, column }) => {
      const t = getTable(table);
      const c = getColumn(t, column);
      const vals = t.rows.map((r) => r[c.name]);
      const xs = vals.filter((v) => v !== null);
      const sorted = [...xs].sort((a, b) =>
        typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b)),
      );
      const out: Record<string, unknown> = {
        column: `${t.name}.${c.name}`,
        type: c.type,
        count: xs.length,
        nulls: vals.length - xs.length,
        distinct: new Set(xs).size,
        min: sorted[0] ?? null,
        max: sorted.at(-1) ?? null,
      };
      if (c.type === "integer" || c.type === "number") {
        const ns = sorted as number[];
        const sum = ns.reduce((a, b) => a + b, 0);
        const mid = Math.floor(ns.length / 2);
        Object.assign(out, {
          sum,
          mean: ns.length ? Math.round((sum / ns.length) * 100) / 100 : null,
          median: ns.length ? (ns.length % 2 ? ns[mid] : (ns[mid - 1] + ns[mid]) / 2) : null,
        });
      }
      return out;
    },
  }),
]);
