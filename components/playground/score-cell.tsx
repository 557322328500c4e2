import { cn } from "@/components/ui/cn";
import type { CriterionResult } from "@/lib/judging/schemas";

/** Green at the top of the scale, amber in the middle, red at the bottom. */
export const scoreTone = (v: number) => (v >= 0.75 ? "success" : v >= 0.25 ? "warning" : "danger");

export const toneText = { success: "text-success", warning: "text-warning", danger: "text-danger" } as const;

export const scoreText = (v: number | null) => (v === null ? "–" : v.toFixed(2).replace(/\.00$/, ""));

export const notJudged = (c: Pick<CriterionResult, "error">) => !!c.error && /^not judged/i.test(c.error);
export const pending = (c: Pick<CriterionResult, "error">) => c.error === "pending";

/**
 * One criterion of one trajectory. A criterion without a value says why: "not judged" (no judge
 * of its kind was chosen), "error" with the judge's failure, or "pending" while the run works.
 */
export function ScoreCell({ c, selected, onClick }: { c: CriterionResult; selected?: boolean; onClick?: () => void }) {
  let body: React.ReactNode;
  if (c.value !== null)
    body = (
      <span
        className={cn(toneText[scoreTone(c.value)], "font-medium tabular-nums")}
        data-testid="score-value"
        data-value={c.value}
      >
        {scoreText(c.value)}
      </span>
    );
  else if (pending(c)) body = <span className="text-fg-subtle">pending</span>;
  else if (notJudged(c)) body = <span className="text-xs text-fg-muted">not judged</span>;
  else body = <span className="text-xs font-medium text-danger">error</span>;
  return (
    <button
      type="button"
      onClick={onClick}
      title={c.error ?? c.rationale ?? undefined}
      data-testid="score-cell"
      data-criterion={c.criterionId}
      aria-pressed={selected}
      className={cn(
        "h-full w-full px-2 py-1.5 text-center hover:ring-1 hover:ring-line-strong focus-visible:outline-2 focus-visible:outline-accent",
        selected && "ring-2 ring-accent",
      )}
      style={
        c.value !== null
          ? { backgroundColor: `color-mix(in oklab, var(--color-${scoreTone(c.value)}) 14%, transparent)` }
          : undefined
      }
    >
      {body}
    </button>
  );
}
