import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A selectable card for a toolspace or task set; the choice is held in the URL by the page. */
export function PickerCard({
  selected,
  onSelect,
  title,
  meta,
  description,
  testId,
}: {
  selected: boolean;
  onSelect: () => void;
  title: ReactNode;
  meta?: ReactNode;
  description?: ReactNode;
  testId?: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={selected}
      onClick={onSelect}
      data-testid={testId}
      className={cn(
        "flex min-w-0 flex-col items-start gap-1 rounded-lg border bg-raised px-3.5 py-2.5 text-left transition-colors",
        selected
          ? "border-accent shadow-[0_0_0_1px_var(--accent)]"
          : "border-line hover:border-line-strong hover:bg-hover",
      )}
    >
      <span className="flex w-full items-center justify-between gap-2">
        <span className="truncate text-sm font-semibold text-fg">{title}</span>
        {meta}
      </span>
      {description ? <span className="line-clamp-2 text-xs text-fg-muted">{description}</span> : null}
    </button>
  );
}
