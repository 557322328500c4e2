// Small helpers for the CLI's printing and errors.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const info = (msg: string) => process.stderr.write(`${msg}\n`);
export const operatorNote = () => info("(acting as the local admin: the CLI is an operator tool on the database)");

export function table(rows: Record<string, unknown>[]) {
  if (!rows.length) return console.log("(none)");
  const cols = Object.keys(rows[0]);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i])).join("  ");
  console.log(line(cols));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c] ?? ""))));
}

export function describeError(err: unknown): string {
  if (err instanceof AppError) return `${err.message}${err.field ? ` (${err.field})` : ""}`;
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    return `${i.path.join(".") || "input"}: ${i.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
