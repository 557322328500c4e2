import { Button } from "./button";
import { formatNumber } from "./format";

/** "1-100 of 527" with previous/next; offsets come from and go to the URL. */
export function Pagination({
  offset,
  limit,
  total,
  onOffset,
  noun = "rows",
}: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (o: number) => void;
  noun?: string;
}) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="flex items-center justify-between gap-3 text-xs text-fg-muted" aria-label="Pages">
      <span className="tabular-nums" data-testid="pagination-summary">
        {formatNumber(from)}–{formatNumber(to)} of {formatNumber(total)} {noun}
      </span>
      <div className="flex items-center gap-1.5">
        <Button size="sm" disabled={offset <= 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button size="sm" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
