"use client";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { aggregate } from "@/lib/rubrics/aggregate";
import { aggregation as aggregationSchema, type Criterion, criterion } from "@/lib/rubrics/model";
import type { Draft } from "./editor-state";

export type PreviewScores = Record<string, number | null>;

const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(3).replace(/\.?0+$/, "") || "0");

/**
 * Type or slide a score per criterion (or mark it not judged) and see what the rule makes of it.
 * Criteria that do not validate yet are left out of the preview and named.
 */
export function PreviewPanel({
  draft,
  scores,
  onScores,
}: {
  draft: Draft;
  scores: PreviewScores;
  onScores: (s: PreviewScores) => void;
}) {
  const valid = useMemo(
    () =>
      draft.criteria.flatMap((c) => {
        const r = criterion.safeParse(c);
        return r.success ? [r.data] : [];
      }),
    [draft.criteria],
  );
  const rule = aggregationSchema.safeParse(draft.aggregation);
  const result = rule.success ? aggregate(valid, rule.data, scores) : null;
  const skipped = draft.criteria.length - valid.length;
  const set = (id: string, v: number | null) => onScores({ ...scores, [id]: v });
  const max = (c: Criterion) => (c.scale.kind === "bands" ? Math.max(...c.scale.bands.map((b) => b.max)) : 1);
  const min = (c: Criterion) => (c.scale.kind === "bands" ? Math.min(...c.scale.bands.map((b) => b.min)) : 0);
  return (
    <section aria-label="Live preview" className="flex flex-col gap-2" data-testid="preview">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-fg">Live preview</h2>
        <span className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onScores(Object.fromEntries(valid.map((c) => [c.id, c.weight < 0 ? 0 : max(c)])))}
          >
            All met
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onScores({})}>
            Clear
          </Button>
        </span>
      </div>
      <p className="text-xs text-fg-subtle">
        Scores you type here are only for the preview; nothing is saved or judged.
      </p>
      <dl
        className="grid grid-cols-2 gap-2 rounded-md border border-line bg-raised p-2 text-sm"
        data-testid="preview-result"
      >
        <div>
          <dt className="text-xs text-fg-subtle">Reward</dt>
          <dd className="font-mono text-lg text-fg" data-testid="preview-reward">
            {result ? fmt(result.reward) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-fg-subtle">Passed</dt>
          <dd data-testid="preview-passed">
            {result?.passed == null ? (
              <span className="text-fg-subtle">
                {draft.aggregation.rule === "coverage-pass" ? "—" : "no pass rule"}
              </span>
            ) : (
              <Badge tone={result.passed ? "success" : "danger"}>{result.passed ? "passed" : "failed"}</Badge>
            )}
          </dd>
        </div>
        <div className="col-span-2 text-xs text-fg-muted" data-testid="preview-notes">
          {result?.notJudged.length ? <p>Not judged (left out, never 0): {result.notJudged.join(", ")}</p> : null}
          {result?.gatedBy.length ? <p className="text-danger">Gated to 0 by: {result.gatedBy.join(", ")}</p> : null}
          {!rule.success ? <p className="text-danger">Fix the aggregation rule to see a reward.</p> : null}
          {skipped ? <p className="text-warning">{skipped} criterion(s) left out until they validate.</p> : null}
        </div>
      </dl>
      <ul className="flex flex-col gap-1">
        {valid.map((c) => {
          const v = scores[c.id] ?? null;
          const choices = c.scale.kind === "binary" ? [0, 1] : c.scale.kind === "ternary" ? [0, 0.5, 1] : null;
          return (
            <li key={c.id} className="grid grid-cols-[1fr_auto] items-center gap-2" data-testid="preview-row">
              <span className={cn("truncate text-xs", c.weight < 0 ? "text-warning" : "text-fg")} title={c.title}>
                <span className="font-mono text-fg-subtle">{c.id}</span> {c.title}
              </span>
              <span className="flex items-center gap-1">
                {choices ? (
                  choices.map((n) => (
                    <button
                      key={n}
                      type="button"
                      aria-pressed={v === n}
                      aria-label={`${c.id}: ${n}`}
                      onClick={() => set(c.id, n)}
                      className={cn(
                        "h-6 min-w-7 rounded border px-1 font-mono text-xs",
                        v === n ? "border-accent bg-accent-soft text-fg" : "border-line text-fg-muted hover:bg-hover",
                      )}
                    >
                      {n}
                    </button>
                  ))
                ) : (
                  <>
                    <input
                      type="range"
                      aria-label={`${c.id} (slider)`}
                      min={min(c)}
                      max={max(c)}
                      step={c.scale.kind === "unit" ? 0.05 : 1}
                      value={v ?? min(c)}
                      onChange={(e) => set(c.id, Number(e.target.value))}
                      className="w-20 accent-[var(--accent)]"
                    />
                    <Input
                      type="number"
                      aria-label={`${c.id} score`}
                      className="h-6 w-16 px-1 text-xs"
                      step={c.scale.kind === "unit" ? 0.05 : 1}
                      value={v === null ? "" : String(v)}
                      onChange={(e) => set(c.id, e.target.value === "" ? null : Number(e.target.value))}
                    />
                  </>
                )}
                <button
                  type="button"
                  aria-pressed={v === null}
                  aria-label={`${c.id}: not judged`}
                  onClick={() => set(c.id, null)}
                  className={cn(
                    "h-6 rounded border px-1 text-[11px]",
                    v === null ? "border-line-strong bg-hover text-fg" : "border-line text-fg-subtle hover:bg-hover",
                  )}
                >
                  not judged
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
