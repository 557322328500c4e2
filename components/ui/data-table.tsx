"use client";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type RowData,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "./cn";
import { IconArrowDown, IconArrowUp, IconChevronUpDown, IconColumns } from "./icons";
import { Menu, MenuCheckbox, MenuLabel } from "./menu";
import { useShortcut } from "./shortcuts";
import { Skeleton } from "./skeleton";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    className?: string;
    headerClassName?: string;
    /** the column chooser may not hide it */
    alwaysVisible?: boolean;
    label?: string;
  }
}

export type Sort = { id: string; desc: boolean } | null;

/** "-name" <-> {id: "name", desc: true} */
export const parseSort = (s: string | null | undefined): Sort =>
  s ? (s.startsWith("-") ? { id: s.slice(1), desc: true } : { id: s, desc: false }) : null;
export const formatSort = (s: Sort) => (s ? `${s.desc ? "-" : ""}${s.id}` : "");

// TanStack Table recomputes its row models whenever `data` is a new array; a fresh `[]` on
// each render while loading made it reset its state, re-render, and loop.
const NO_ROWS: never[] = [];
const VIRTUALIZE_PAST = 300;
const ROW_HEIGHT = 34;

type Props<T> = {
  data: T[] | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: column value types differ per column
  columns: ColumnDef<T, any>[];
  getRowId: (row: T) => string;
  /** where a row opens: Enter and a click go there; the first link in the row works in a new tab */
  rowHref?: (row: T) => string;
  /** for rows without a page of their own: Enter and a click call this (e.g. open a dialog) */
  onOpen?: (row: T) => void;
  /** server-side sort (held in the URL by the page); without it the table sorts what it has */
  sort?: Sort;
  onSortChange?: (s: Sort) => void;
  loading?: boolean;
  empty?: ReactNode;
  label: string;
  toolbar?: ReactNode;
  /** remembers hidden columns in localStorage under this key */
  storageKey?: string;
  /** offer the "Columns" menu (default: when two or more columns can be hidden) */
  columnChooser?: boolean;
  /** the height of the scroll box of a virtual (long) table */
  maxHeight?: string;
  testId?: string;
  footer?: ReactNode;
};

/**
 * The studio's table: sticky header, sortable columns, a column chooser, keyboard (j/k to move,
 * Enter to open) and virtual rows past a few hundred.
 */
export function DataTable<T>({
  data,
  columns,
  getRowId,
  rowHref,
  onOpen,
  sort,
  onSortChange,
  loading,
  empty,
  label,
  toolbar,
  storageKey,
  columnChooser = true,
  maxHeight = "calc(100vh - 140px)",
  testId,
  footer,
}: Props<T>) {
  const router = useRouter();
  const serverSorted = Boolean(onSortChange);
  const [localSort, setLocalSort] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  const [active, setActive] = useState(-1);
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!storageKey) return;
    try {
      const saved = localStorage.getItem(`atlas-columns:${storageKey}`);
      if (saved) setVisibility(JSON.parse(saved));
    } catch {}
  }, [storageKey]);

  const table = useReactTable({
    data: data ?? NO_ROWS,
    // paging is done by the server (or not at all): no page index to reset
    autoResetAll: false,
    columns,
    getRowId: (r) => getRowId(r),
    state: {
      sorting: serverSorted ? (sort ? [sort] : []) : localSort,
      columnVisibility: visibility,
    },
    manualSorting: serverSorted,
    enableSortingRemoval: !serverSorted,
    onSortingChange: (updater) => {
      const current: SortingState = serverSorted ? (sort ? [sort] : []) : localSort;
      const next = typeof updater === "function" ? updater(current) : updater;
      if (serverSorted) onSortChange?.(next[0] ? { id: next[0].id, desc: next[0].desc } : null);
      else setLocalSort(next);
    },
    onColumnVisibilityChange: (updater) => {
      setVisibility((v) => {
        const next = typeof updater === "function" ? updater(v) : updater;
        if (storageKey) localStorage.setItem(`atlas-columns:${storageKey}`, JSON.stringify(next));
        return next;
      });
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: serverSorted ? undefined : getSortedRowModel(),
  });

  const rows = table.getRowModel().rows;
  const virtual = rows.length > VIRTUALIZE_PAST;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    // off for short tables: nothing to measure or observe
    enabled: virtual,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // keep the highlight on a row that exists
  useEffect(() => {
    if (active >= rows.length) setActive(rows.length - 1);
  }, [rows.length, active]);

  const move = (delta: number) => {
    if (!rows.length) return;
    const next = Math.max(0, Math.min(rows.length - 1, (active < 0 ? (delta > 0 ? -1 : 1) : active) + delta));
    setActive(next);
    if (virtual) virtualizer.scrollToIndex(next, { align: "auto" });
    else
      scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.scrollIntoView({ block: "nearest" });
  };
  const open = (i: number) => {
    const row = rows[i];
    if (!row) return;
    if (rowHref) router.push(rowHref(row.original));
    else onOpen?.(row.original);
  };
  useShortcut("j", "Next row", () => move(1), { group: "Table" });
  useShortcut("k", "Previous row", () => move(-1), { group: "Table" });
  useShortcut("Enter", "Open the highlighted row", () => open(active), {
    group: "Table",
    enabled: Boolean(rowHref || onOpen) && active >= 0,
  });

  const visibleColumns = table.getVisibleLeafColumns().length;
  const hideable = columnChooser ? table.getAllLeafColumns().filter((c) => !c.columnDef.meta?.alwaysVisible) : [];

  const renderRow = (i: number) => {
    const row = rows[i];
    const href = rowHref?.(row.original);
    return (
      <tr
        key={row.id}
        data-row-index={i}
        data-testid="table-row"
        aria-selected={i === active}
        onClick={(e) => {
          setActive(i);
          if ((e.target as HTMLElement).closest("a,button,input,select,label")) return;
          if (href) router.push(href);
          else onOpen?.(row.original);
        }}
        className={cn(
          "group/row",
          (href || onOpen) && "cursor-pointer",
          i === active ? "bg-selected" : "hover:bg-hover",
        )}
        style={{ height: ROW_HEIGHT }}
      >
        {row.getVisibleCells().map((cell, ci) => (
          <td
            key={cell.id}
            className={cn(
              "border-b border-line px-3 py-1.5 align-middle text-sm [overflow-wrap:anywhere] group-last/row:border-b-0",
              ci === 0 && i === active && "shadow-[inset_2px_0_0_var(--accent)]",
              cell.column.columnDef.meta?.className,
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ))}
      </tr>
    );
  };

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = virtual && items.length ? items[0].start : 0;
  const padBottom = virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      {toolbar !== undefined || hideable.length > 1 ? (
        <div className="flex flex-wrap items-center gap-2">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{toolbar}</div>
          {hideable.length > 1 ? (
            <Menu
              align="end"
              ariaLabel="Choose columns"
              buttonClassName="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-raised px-2.5 text-sm text-fg-muted shadow-sm hover:bg-hover hover:text-fg"
              label={
                <>
                  <IconColumns className="size-3.5" /> Columns
                </>
              }
            >
              {() => (
                <>
                  <MenuLabel>Show columns</MenuLabel>
                  {hideable.map((c) => (
                    <MenuCheckbox key={c.id} checked={c.getIsVisible()} onChange={(v) => c.toggleVisibility(v)}>
                      {c.columnDef.meta?.label ?? (typeof c.columnDef.header === "string" ? c.columnDef.header : c.id)}
                    </MenuCheckbox>
                  ))}
                </>
              )}
            </Menu>
          ) : null}
        </div>
      ) : null}
      {/* Short tables scroll with the page (overflow: clip keeps the rounded corners without
          making a scroll box, so the header sticks to the top of the page); long, virtual ones
          get their own scroll box. */}
      <div
        ref={scrollRef}
        className={cn("rounded-lg border border-line bg-raised", virtual ? "overflow-auto" : "overflow-clip")}
        style={virtual ? { maxHeight } : undefined}
      >
        <table
          className="w-full table-fixed border-separate border-spacing-0 text-sm"
          aria-label={label}
          aria-rowcount={rows.length}
        >
          <thead className="sticky top-0 z-10 bg-panel">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const canSort = h.column.getCanSort();
                  const content = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn(
                        "border-b border-line px-3 py-0 text-left text-xs font-medium whitespace-nowrap text-fg-muted",
                        h.column.columnDef.meta?.headerClassName ?? h.column.columnDef.meta?.className,
                      )}
                      style={{ height: 32 }}
                    >
                      {canSort ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-hover hover:text-fg"
                          title={`Sort by ${typeof h.column.columnDef.header === "string" ? h.column.columnDef.header : h.id}`}
                        >
                          {content}
                          {sorted === "asc" ? (
                            <IconArrowUp className="size-3 text-fg" />
                          ) : sorted === "desc" ? (
                            <IconArrowDown className="size-3 text-fg" />
                          ) : (
                            <IconChevronUpDown className="size-3 opacity-50" />
                          )}
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {loading && !data?.length ? (
              Array.from({ length: 8 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <tr key={i} style={{ height: ROW_HEIGHT }}>
                  {table.getVisibleLeafColumns().map((c) => (
                    <td key={c.id} className="border-b border-line px-3 py-1.5">
                      <Skeleton className="h-3.5 w-3/4" />
                    </td>
                  ))}
                </tr>
              ))
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns} className="px-3 py-10 text-center text-sm text-fg-muted">
                  {empty ?? "Nothing here."}
                </td>
              </tr>
            ) : virtual ? (
              <>
                {padTop > 0 ? (
                  <tr>
                    <td colSpan={visibleColumns} style={{ height: padTop, padding: 0 }} />
                  </tr>
                ) : null}
                {items.map((v) => renderRow(v.index))}
                {padBottom > 0 ? (
                  <tr>
                    <td colSpan={visibleColumns} style={{ height: padBottom, padding: 0 }} />
                  </tr>
                ) : null}
              </>
            ) : (
              rows.map((_, i) => renderRow(i))
            )}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}
