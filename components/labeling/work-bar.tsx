"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { IconKeyboard } from "@/components/ui/icons";
import { Kbd } from "@/components/ui/kbd";
import { useOpenShortcutsHelp } from "@/components/ui/shortcuts";
import type { QueueDetail } from "@/lib/labeling/schemas";

/** Where I am in the queue: the item, previous / next, and how many items I have done. */
export function WorkBar({
  projectId,
  queue,
  index,
  itemCount,
  clientId,
  trajectoryId,
  myDone,
  onPrevious,
  onNext,
}: {
  projectId: string;
  queue: QueueDetail;
  index: number;
  itemCount: number;
  clientId: string;
  trajectoryId: string;
  myDone: number;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const openHelp = useOpenShortcutsHelp();
  const pct = itemCount ? Math.round((myDone / itemCount) * 100) : 0;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-line bg-panel px-3 py-2">
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <Link
          href={`/projects/${projectId}/labeling/${queue.id}`}
          className="truncate text-sm font-semibold text-fg hover:underline"
          title="Back to the queue"
        >
          {queue.name}
        </Link>
        <span className="text-fg-subtle">/</span>
        <span className="shrink-0 text-sm text-fg tabular-nums" data-testid="work-position">
          Item {formatNumber(index + 1)} of {formatNumber(itemCount)}
        </span>
        <Link
          href={`/projects/${projectId}/trajectories/${trajectoryId}`}
          className="min-w-0 truncate font-mono text-xs text-fg-muted hover:underline"
          title="Open in the trajectory viewer"
        >
          {clientId}
        </Link>
      </div>
      <div className="flex items-center gap-1">
        <Button size="sm" variant="ghost" onClick={onPrevious} disabled={index === 0} title="Previous item (k)">
          <Kbd>k</Kbd> Previous
        </Button>
        <Button size="sm" variant="ghost" onClick={onNext} title="Next item (j)">
          Next <Kbd>j</Kbd>
        </Button>
      </div>
      <div className="flex items-center gap-2" data-testid="work-progress" data-done={myDone} data-total={itemCount}>
        <div
          className="h-1.5 w-28 overflow-hidden rounded-full bg-hover"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={itemCount}
          aria-valuenow={myDone}
          aria-label="Items done by you"
        >
          <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${pct}%` }} />
        </div>
        <span className="text-xs whitespace-nowrap text-fg-muted tabular-nums">
          <span className="font-medium text-fg">
            {formatNumber(myDone)} / {formatNumber(itemCount)}
          </span>{" "}
          done by you
        </span>
      </div>
      <button
        type="button"
        onClick={openHelp}
        className="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs text-fg-muted hover:bg-hover hover:text-fg"
        title="Keyboard shortcuts (?)"
      >
        <IconKeyboard className="size-3.5" /> <Kbd>?</Kbd>
      </button>
    </div>
  );
}
