"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { TrajectoryRow } from "@/lib/trajectories/schemas";
import { Count, Duration, OutcomeBadge, PeakContext, Reward } from "./cells";

export type RowSelection = {
  has: (id: string) => boolean;
  toggle: (row: TrajectoryRow) => void;
  /** every row on screen selected, some, or none */
  pageState: "all" | "some" | "none";
  togglePage: () => void;
};

export const trajectoryHref = (projectId: string, id: string) => `/projects/${projectId}/trajectories/${id}`;

const num = "w-14 text-right tabular-nums";

/** Columns the table starts without, by screen width; the column chooser brings them back. */
export const hiddenAt = {
  wide: ["clientId", "loadingStrategy", "durationMs"],
  medium: ["clientId", "loadingStrategy", "durationMs", "policy", "labelCount"],
  narrow: ["clientId", "loadingStrategy", "durationMs", "policy", "labelCount", "runName", "toolCallCount"],
};
export type WidthTier = keyof typeof hiddenAt;

export function trajectoryColumns(projectId: string, selection: RowSelection): ColumnDef<TrajectoryRow>[] {
  return [
    {
      id: "select",
      enableSorting: false,
      meta: { alwaysVisible: true, className: "w-9 pr-0", label: "Select" },
      header: () => (
        <input
          type="checkbox"
          aria-label="Select every trajectory on screen"
          className="size-3.5 align-middle accent-[var(--accent)]"
          checked={selection.pageState === "all"}
          ref={(el) => {
            if (el) el.indeterminate = selection.pageState === "some";
          }}
          onChange={selection.togglePage}
          data-testid="select-page"
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.summary || row.original.id}`}
          className="size-3.5 align-middle accent-[var(--accent)]"
          checked={selection.has(row.original.id)}
          onChange={() => selection.toggle(row.original)}
          // a box ticked with the mouse gives the focus back, so j/k keep moving through rows
          onClick={(e) => e.detail > 0 && e.currentTarget.blur()}
          data-testid="select-row"
        />
      ),
    },
    {
      id: "summary",
      header: "Trajectory",
      enableSorting: false,
      meta: { alwaysVisible: true, className: "min-w-0", label: "Trajectory" },
      cell: ({ row }) => {
        const r = row.original;
        return (
          <Link
            href={trajectoryHref(projectId, r.id)}
            className="block truncate text-fg hover:underline focus-visible:underline"
            title={r.summary || undefined}
            data-testid="trajectory-link"
          >
            {r.summary || <span className="font-mono text-xs text-fg-muted">{r.clientId ?? r.id}</span>}
          </Link>
        );
      },
    },
    {
      id: "clientId",
      header: "Client id",
      enableSorting: false,
      meta: { className: "w-32", label: "Client id" },
      cell: ({ row }) => (
        <span className="block truncate font-mono text-xs text-fg-muted" title={row.original.clientId ?? undefined}>
          {row.original.clientId ?? "—"}
        </span>
      ),
    },
    {
      id: "taskRef",
      header: "Task",
      enableSorting: false,
      meta: { className: "w-24", label: "Task" },
      cell: ({ row }) => (
        <span className="block truncate font-mono text-xs text-fg-muted" title={row.original.taskRef ?? undefined}>
          {row.original.taskRef ?? "—"}
        </span>
      ),
    },
    {
      id: "runName",
      header: "Run",
      enableSorting: false,
      meta: { className: "w-28", label: "Run" },
      cell: ({ row }) => (
        <span className="block truncate text-xs text-fg-muted" title={row.original.runName ?? undefined}>
          {row.original.runName ?? "—"}
        </span>
      ),
    },
    {
      id: "policy",
      header: "Policy",
      enableSorting: false,
      meta: { className: "w-28", label: "Policy" },
      cell: ({ row }) => (
        <span className="block truncate text-xs text-fg-muted" title={row.original.policy ?? undefined}>
          {row.original.policy ?? "—"}
        </span>
      ),
    },
    {
      id: "loadingStrategy",
      header: "Strategy",
      enableSorting: false,
      meta: { className: "w-20", label: "Loading strategy" },
      cell: ({ row }) => <span className="text-xs text-fg-muted">{row.original.loadingStrategy ?? "—"}</span>,
    },
    {
      id: "outcome",
      header: "Outcome",
      enableSorting: false,
      meta: { className: "w-[5.5rem]", label: "Outcome" },
      cell: ({ row }) => <OutcomeBadge outcome={row.original.outcome} />,
    },
    {
      id: "reward",
      accessorKey: "reward",
      header: "Reward",
      meta: { className: "w-[4.5rem] text-right", label: "Reward" },
      cell: ({ row }) => <Reward value={row.original.reward} />,
    },
    {
      id: "stepCount",
      accessorKey: "stepCount",
      header: "Steps",
      meta: { className: num, label: "Steps" },
      cell: ({ row }) => <Count value={row.original.stepCount} />,
    },
    {
      id: "toolCallCount",
      accessorKey: "toolCallCount",
      header: "Calls",
      meta: { className: num, label: "Tool calls" },
      cell: ({ row }) => <Count value={row.original.toolCallCount} />,
    },
    {
      id: "toolErrorCount",
      accessorKey: "toolErrorCount",
      header: "Errors",
      meta: { className: "w-[4.25rem] text-right tabular-nums", label: "Tool errors" },
      cell: ({ row }) => <Count value={row.original.toolErrorCount} danger />,
    },
    {
      id: "peakContextTokens",
      accessorKey: "peakContextTokens",
      header: "Peak context",
      meta: { className: "w-28", label: "Peak context" },
      cell: ({ row }) => <PeakContext tokens={row.original.peakContextTokens} limit={row.original.contextLimit} />,
    },
    {
      id: "durationMs",
      accessorKey: "durationMs",
      header: "Duration",
      meta: { className: "w-20 text-right", label: "Duration" },
      cell: ({ row }) => <Duration ms={row.original.durationMs} />,
    },
    {
      id: "labelCount",
      header: "Labels",
      enableSorting: false,
      meta: { className: num, label: "Labels" },
      cell: ({ row }) => <Count value={row.original.labelCount} />,
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      header: "Created",
      meta: { className: "w-20 whitespace-nowrap text-xs text-fg-muted", label: "Created" },
      cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
    },
  ];
}
