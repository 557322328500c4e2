"use client";
import { type ReactNode, useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { ApiError } from "@/components/api/client";
import { useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, formatSort, parseSort } from "@/components/ui/data-table";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { useShortcut } from "@/components/ui/shortcuts";
import type { TrajectoryRow } from "@/lib/trajectories/schemas";
import { hiddenAt, type RowSelection, trajectoryColumns, trajectoryHref, type WidthTier } from "./columns";
import { FilterBar } from "./filter-bar";
import { KeysetPager } from "./keyset-pager";
import { TrajectoriesEmpty } from "./list-empty";
import { useTrajectoryFacets, useTrajectoryPages } from "./queries";
import { type FilterKey, filterKeys, useListUrl } from "./url-filters";

/** What the selection bar shows for the rows ticked (kept across pages until cleared). */
export type SelectionActions = (selected: TrajectoryRow[], clear: () => void) => ReactNode;

const wideQuery = "(min-width: 1536px)";
const mediumQuery = "(min-width: 1280px)";
const subscribeWidth = (fn: () => void) => {
  const lists = [wideQuery, mediumQuery].map((q) => window.matchMedia(q));
  for (const l of lists) l.addEventListener("change", fn);
  return () => {
    for (const l of lists) l.removeEventListener("change", fn);
  };
};
const tierNow = (): WidthTier =>
  window.matchMedia(wideQuery).matches ? "wide" : window.matchMedia(mediumQuery).matches ? "medium" : "narrow";

/**
 * Which columns fit depends on the screen: each width keeps its own column choice (seeded with
 * what fits there), so a table chosen wide on a large screen does not crush the summary on a
 * laptop. DataTable reads the choice from localStorage after this render.
 */
function useColumnChoice() {
  const tier = useSyncExternalStore(subscribeWidth, tierNow, () => "wide" as const);
  const key = `trajectories-${tier}`;
  if (typeof window !== "undefined" && !localStorage.getItem(`atlas-columns:${key}`))
    localStorage.setItem(
      `atlas-columns:${key}`,
      JSON.stringify(Object.fromEntries(hiddenAt[tier].map((c) => [c, false]))),
    );
  return key;
}

export function TrajectoryListScreen({
  importButton,
  selectionActions,
}: {
  /** the page header's import action (and the empty state's) */
  importButton?: ReactNode;
  selectionActions?: SelectionActions;
}) {
  const project = useProject();
  const list = useListUrl();
  const facets = useTrajectoryFacets(project.id);
  const pages = useTrajectoryPages(project.id, list.apiParams, list.cursor);
  const storageKey = useColumnChoice();

  const loaded = pages.data?.pages;
  const rows = useMemo(() => loaded?.flatMap((p) => p.items), [loaded]);
  const first = loaded?.[0];
  const last = loaded?.at(-1);

  const [selected, setSelected] = useState<Map<string, TrajectoryRow>>(() => new Map());
  const clear = useCallback(() => setSelected(new Map()), []);
  const selection = useMemo<RowSelection>(() => {
    const onScreen = rows ?? [];
    const ticked = onScreen.filter((r) => selected.has(r.id)).length;
    return {
      has: (id) => selected.has(id),
      toggle: (row) =>
        setSelected((s) => {
          const next = new Map(s);
          if (next.has(row.id)) next.delete(row.id);
          else next.set(row.id, row);
          return next;
        }),
      pageState: ticked === 0 ? "none" : ticked === onScreen.length ? "all" : "some",
      togglePage: () =>
        setSelected((s) => {
          const next = new Map(s);
          const all = onScreen.every((r) => next.has(r.id));
          for (const r of onScreen) all ? next.delete(r.id) : next.set(r.id, r);
          return next;
        }),
    };
  }, [rows, selected]);
  const columns = useMemo(() => trajectoryColumns(project.id, selection), [project.id, selection]);

  // x ticks the row that j/k highlighted (the table marks it aria-selected)
  useShortcut("x", "Select or unselect the highlighted trajectory", () =>
    document
      .querySelector<HTMLInputElement>(
        '[data-testid="trajectories-table"] tr[aria-selected="true"] [data-testid="select-row"]',
      )
      ?.click(),
  );
  useShortcut("Escape", "Clear the selection", clear, { enabled: selected.size > 0 });

  const error = pages.error;
  const fieldError = (field: FilterKey) => (error instanceof ApiError && error.field === field ? error.message : null);
  const filterFieldError =
    error instanceof ApiError && filterKeys.includes(error.field as FilterKey) ? error.message : null;
  const emptyProject = facets.data?.total === 0 && !list.active && !list.cursor;

  return (
    <>
      <PageHeader
        title="Trajectories"
        meta={facets.data ? <Badge>{formatNumber(facets.data.total)}</Badge> : null}
        description="One agent episode each: messages, tool calls and results, tools loaded per step, context tokens, the final answer, scores and reward."
        actions={importButton}
      />
      <ErrorText message={facets.error?.message} className="mb-3 text-sm text-danger" />
      {emptyProject ? (
        <TrajectoriesEmpty projectId={project.id} importButton={importButton} />
      ) : (
        <DataTable
          label="Trajectories"
          testId="trajectories-table"
          storageKey={storageKey}
          data={rows}
          loading={pages.isPending}
          columns={columns}
          getRowId={(r) => r.id}
          rowHref={(r) => trajectoryHref(project.id, r.id)}
          sort={parseSort(list.sort)}
          onSortChange={(s) => list.setFilters({ sort: formatSort(s) || null })}
          maxHeight="calc(100vh - 230px)"
          toolbar={
            <div className="flex w-full flex-col gap-2">
              <FilterBar
                filters={list.filters}
                facets={facets.data}
                active={list.active}
                fieldError={fieldError}
                onChange={(patch) => list.setFilters(patch)}
                onClear={list.clearFilters}
              />
              {error && !filterFieldError ? (
                <ErrorText message={error.message} className="text-xs text-danger" />
              ) : null}
              {filterFieldError && !fieldError("rewardMin") && !fieldError("rewardMax") ? (
                <p role="alert" className="text-xs text-danger">
                  {filterFieldError}
                </p>
              ) : null}
              {selected.size ? (
                <SelectionBar
                  rows={[...selected.values()]}
                  clear={clear}
                  actions={selectionActions}
                  onScreen={rows?.filter((r) => selected.has(r.id)).length ?? 0}
                />
              ) : null}
            </div>
          }
          empty={
            list.active ? (
              <span>
                No trajectories match these filters.{" "}
                <Button variant="ghost" size="sm" onClick={list.clearFilters}>
                  Clear filters
                </Button>
              </span>
            ) : list.cursor ? (
              "Nothing on this page any more."
            ) : (
              "No trajectories yet."
            )
          }
          footer={
            first && last ? (
              <KeysetPager
                from={list.from}
                shown={rows?.length ?? 0}
                total={first.total}
                limit={list.limit}
                atStart={!list.cursor}
                prev={Boolean(first.prevCursor)}
                next={Boolean(last.nextCursor)}
                loadingMore={pages.isFetchingNextPage}
                onFirst={() => list.goTo(null, 1)}
                onPrev={() => list.goTo(first.prevCursor, list.from - list.limit)}
                onNext={() => list.goTo(last.nextCursor, list.from + (rows?.length ?? 0))}
                onMore={() => void pages.fetchNextPage()}
                onLimit={(n) => list.setFilters({ limit: String(n) })}
              />
            ) : null
          }
        />
      )}
    </>
  );
}

function SelectionBar({
  rows,
  clear,
  actions,
  onScreen,
}: {
  rows: TrajectoryRow[];
  clear: () => void;
  actions?: SelectionActions;
  onScreen: number;
}) {
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-accent/40 bg-accent-soft px-2.5 py-1.5 text-xs text-fg"
      data-testid="selection-bar"
    >
      <span className="font-medium tabular-nums">
        {rows.length} selected
        {onScreen < rows.length ? (
          <span className="text-fg-muted"> ({rows.length - onScreen} on other pages)</span>
        ) : null}
      </span>
      {actions?.(rows, clear)}
      <CopyButton value={rows.map((r) => r.id).join("\n")} size="xs" label="Copy ids" />
      <Button variant="ghost" size="sm" onClick={clear}>
        Clear
      </Button>
    </div>
  );
}
