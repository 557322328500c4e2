"use client";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { useShortcut } from "@/components/ui/shortcuts";
import { PAGE_SIZES } from "./url-filters";

/**
 * Pages by cursor: previous and next replace the rows, "load more" appends the next page to
 * them. The first row's number comes from the URL, since a cursor carries no offset.
 */
export function KeysetPager({
  from,
  shown,
  total,
  limit,
  atStart,
  prev,
  next,
  loadingMore,
  onFirst,
  onPrev,
  onNext,
  onMore,
  onLimit,
}: {
  from: number;
  shown: number;
  /** null: the server gave up counting (see COUNT_BUDGET_MS) */
  total: number | null;
  limit: number;
  atStart: boolean;
  prev: boolean;
  next: boolean;
  loadingMore: boolean;
  onFirst: () => void;
  onPrev: () => void;
  onNext: () => void;
  onMore: () => void;
  onLimit: (n: number) => void;
}) {
  useShortcut("]", "Next page", onNext, { enabled: next });
  useShortcut("[", "Previous page", onPrev, { enabled: prev });
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 text-xs text-fg-muted" aria-label="Pages">
      <span className="tabular-nums" data-testid="pagination-summary">
        {shown ? `${formatNumber(from)}–${formatNumber(from + shown - 1)}` : "0"} of{" "}
        {total === null ? (
          <span title="Counting every match took too long; narrow the filters for a count">many</span>
        ) : (
          formatNumber(total)
        )}{" "}
        trajectories
      </span>
      <div className="flex items-center gap-1.5">
        <Select
          aria-label="Rows per page"
          value={String(limit)}
          onChange={(e) => onLimit(Number(e.target.value))}
          className="h-7 text-xs"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n} a page
            </option>
          ))}
        </Select>
        {!atStart ? (
          <Button size="sm" variant="ghost" onClick={onFirst}>
            First page
          </Button>
        ) : null}
        <Button size="sm" disabled={!prev} onClick={onPrev} data-testid="page-prev">
          Previous
        </Button>
        <Button size="sm" disabled={!next} onClick={onNext} data-testid="page-next">
          Next
        </Button>
        <Button size="sm" disabled={!next} loading={loadingMore} onClick={onMore} data-testid="load-more">
          Load {limit} more
        </Button>
      </div>
    </nav>
  );
}
