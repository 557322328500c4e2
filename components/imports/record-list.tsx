"use client";
import { Badge } from "@/components/ui/badge";
import { formatNumber } from "@/components/ui/format";
import type { ImportFormat, PreviewRecord, RecordError } from "@/lib/imports/schemas";

export const whereIn = (format: ImportFormat | null, e: { index: number; line: number | null }) =>
  e.line !== null ? `${format === "mcp-atlas-csv" ? "Row" : "Line"} ${e.line}` : `Record ${e.index + 1}`;

/** The first records as they would be imported. */
export function PreviewRecords({ records, format }: { records: PreviewRecord[]; format: ImportFormat }) {
  return (
    <div className="max-h-56 overflow-auto rounded-md border border-line">
      <table className="w-full text-xs" data-testid="import-preview-records">
        <thead className="sticky top-0 bg-panel text-left text-fg-subtle">
          <tr>
            <th className="px-2 py-1 font-medium">At</th>
            <th className="px-2 py-1 font-medium">Id / task</th>
            <th className="px-2 py-1 font-medium">Prompt</th>
            <th className="px-2 py-1 text-right font-medium">Steps</th>
            <th className="px-2 py-1 text-right font-medium">Calls</th>
            <th className="px-2 py-1 font-medium">Outcome</th>
            <th className="px-2 py-1 text-right font-medium">Reward</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.index} className="border-t border-line align-top">
              <td className="whitespace-nowrap px-2 py-1 tabular-nums text-fg-subtle">{whereIn(format, r)}</td>
              {r.valid ? (
                <>
                  <td className="max-w-40 px-2 py-1">
                    <div className="truncate font-mono text-fg" title={r.id ?? undefined}>
                      {r.id ?? <span className="text-fg-subtle">by content</span>}
                    </div>
                    {r.taskId ? <div className="truncate text-fg-subtle">task {r.taskId}</div> : null}
                  </td>
                  <td className="max-w-64 px-2 py-1">
                    <div className="line-clamp-2 text-fg-muted" title={r.prompt ?? undefined}>
                      {r.prompt ?? "—"}
                    </div>
                  </td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatNumber(r.steps)}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{formatNumber(r.toolCalls)}</td>
                  <td className="px-2 py-1">{r.outcome ?? <span className="text-fg-subtle">—</span>}</td>
                  <td className="px-2 py-1 text-right tabular-nums">
                    {r.reward ?? <span className="text-fg-subtle">—</span>}
                  </td>
                </>
              ) : (
                <td colSpan={6} className="px-2 py-1 text-danger">
                  <Badge tone="danger">invalid</Badge>{" "}
                  {r.errors
                    .slice(0, 2)
                    .map((e) => `${e.path ? `${e.path}: ` : ""}${e.message}`)
                    .join("; ")}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bad records with where they are in the file and what is wrong. */
export function RecordErrors({
  errors,
  format,
  total,
}: {
  errors: RecordError[];
  format: ImportFormat | null;
  /** how many records are invalid in all; the list holds the first ones */
  total: number;
}) {
  if (!errors.length) return null;
  return (
    <div className="flex flex-col gap-1">
      <ul className="max-h-48 overflow-auto rounded-md border border-line text-xs" data-testid="import-errors">
        {errors.map((e) => (
          <li key={e.index} className="flex gap-3 border-b border-line px-2 py-1 last:border-b-0">
            <span className="w-20 shrink-0 tabular-nums text-fg-subtle">{whereIn(format, e)}</span>
            <span className="min-w-0 text-fg">
              {e.errors.map((i) => (
                <span key={`${i.path}:${i.message}`} className="block">
                  {i.path ? <code className="mr-1 text-danger">{i.path}</code> : null}
                  {i.message}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {total > errors.length ? (
        <p className="text-xs text-fg-subtle">
          The first {formatNumber(errors.length)} of {formatNumber(total)} invalid records.
        </p>
      ) : null}
    </div>
  );
}
