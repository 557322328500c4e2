"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ErrorText } from "@/components/ui/error-text";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { CriterionResult, JudgingResults } from "@/lib/judging/schemas";
import { runFinished, useJudgingResults, useJudgingRun } from "./queries";
import { viewerHref } from "./run-results";
import { notJudged, pending, scoreText } from "./score-cell";

/** Differences smaller than this are rounding, not a change. */
const EPS = 0.005;

const cellText = (c: CriterionResult | undefined) =>
  !c ? "–" : c.value !== null ? scoreText(c.value) : pending(c) ? "pending" : notJudged(c) ? "not judged" : "error";

/** Two runs side by side: per trajectory and criterion the two scores, changes highlighted. */
export function RunCompare({ projectId, a, b }: { projectId: string; a: string; b: string }) {
  const url = useUrlQuery();
  const runA = useJudgingRun(projectId, a);
  const runB = useJudgingRun(projectId, b);
  const ra = useJudgingResults(projectId, a, !!runA.data && !runFinished(runA.data));
  const rb = useJudgingResults(projectId, b, !!runB.data && !runFinished(runB.data));
  const err = ra.error ?? rb.error;
  if (err) return <ErrorText message={err.message} />;
  if (!ra.data || !rb.data) return <SkeletonBlock lines={4} />;
  const A = ra.data;
  const B = rb.data;
  const name = (r: JudgingResults) =>
    `${r.run.rubricName} v${r.run.rubricVersion} · ${r.run.judge?.name ?? "program checks"}`;
  const idsA = new Set(A.criteria.map((c) => c.id));
  const idsB = new Set(B.criteria.map((c) => c.id));
  const criteria = [...A.criteria, ...B.criteria.filter((c) => !idsA.has(c.id))];
  const rowsB = new Map(B.items.map((t) => [t.trajectoryId, t]));
  const both = A.items.filter((t) => rowsB.has(t.trajectoryId));
  const onlyOne = A.items.length + B.items.length - 2 * both.length;
  const meanA = new Map(A.criteria.map((c) => [c.id, c.mean]));
  const meanB = new Map(B.criteria.map((c) => [c.id, c.mean]));

  return (
    <section className="flex flex-col gap-2" data-testid="run-compare">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <h2 className="font-semibold text-fg">Compare</h2>
        <Badge tone="accent">A: {name(A)}</Badge>
        <Badge tone="info">B: {name(B)}</Badge>
        <span className="text-xs text-fg-muted">
          {both.length} trajectories in both{onlyOne ? `; ${onlyOne} in one run only are left out` : ""}
        </span>
        <button
          type="button"
          className="text-xs text-accent hover:underline"
          onClick={() => url.set({ compare: null })}
        >
          close
        </button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-line bg-raised">
        <table className="w-full border-collapse text-sm tabular-nums">
          <thead className="text-xs text-fg-muted">
            <tr className="border-b border-line">
              <th className="sticky left-0 z-10 min-w-56 bg-raised px-3 py-1.5 text-left font-medium">Trajectory</th>
              <th className="px-2 py-1.5 text-center font-medium">Reward A → B</th>
              {criteria.map((c) => {
                const where = idsA.has(c.id) && idsB.has(c.id) ? null : idsA.has(c.id) ? "A" : "B";
                return (
                  <th
                    key={c.id}
                    className="max-w-36 min-w-24 px-2 py-1.5 text-center font-medium"
                    title={c.title}
                    data-testid="compare-criterion"
                    data-only={where ?? ""}
                  >
                    <span className="line-clamp-2">{c.title}</span>
                    {where ? (
                      <Badge tone={where === "A" ? "accent" : "info"} className="mt-0.5">
                        only in {where}
                      </Badge>
                    ) : null}
                  </th>
                );
              })}
            </tr>
            <tr className="border-b border-line bg-panel/60">
              <th className="sticky left-0 z-10 bg-panel px-3 py-1 text-left font-normal">Mean</th>
              <Pair a={A.rewardMean} b={B.rewardMean} />
              {criteria.map((c) => (
                <Pair key={c.id} a={meanA.get(c.id) ?? null} b={meanB.get(c.id) ?? null} />
              ))}
            </tr>
          </thead>
          <tbody>
            {both.map((ta) => {
              const tb = rowsB.get(ta.trajectoryId);
              const ca = new Map(ta.criteria.map((c) => [c.criterionId, c]));
              const cb = new Map((tb?.criteria ?? []).map((c) => [c.criterionId, c]));
              return (
                <tr key={ta.trajectoryId} className="border-b border-line last:border-0" data-testid="compare-row">
                  <td className="sticky left-0 z-10 max-w-72 bg-raised px-3 py-1.5">
                    <Link
                      href={viewerHref(projectId, ta.trajectoryId)}
                      className="line-clamp-1 font-medium text-fg hover:text-accent hover:underline"
                    >
                      {ta.summary || ta.trajectoryId.slice(0, 8)}
                    </Link>
                    <span className="text-xs text-fg-subtle">{ta.taskRef ?? "no task"}</span>
                  </td>
                  <Pair a={ta.reward} b={tb?.reward ?? null} />
                  {criteria.map((c) => (
                    <Pair
                      key={c.id}
                      a={ca.get(c.id)?.value ?? null}
                      b={cb.get(c.id)?.value ?? null}
                      textA={cellText(ca.get(c.id))}
                      textB={cellText(cb.get(c.id))}
                      title={[ca.get(c.id)?.error, cb.get(c.id)?.error].filter(Boolean).join(" / ") || undefined}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "a → b", highlighted when they differ; the change is signed and coloured. */
function Pair({
  a,
  b,
  textA = scoreText(a),
  textB = scoreText(b),
  title,
}: {
  a: number | null;
  b: number | null;
  textA?: string;
  textB?: string;
  title?: string;
}) {
  const delta = a !== null && b !== null ? b - a : null;
  const changed = delta !== null ? Math.abs(delta) > EPS : textA !== textB;
  return (
    <td
      className={cn("border-l border-line px-2 py-1.5 text-center text-xs", changed && "bg-warning-soft")}
      data-testid="compare-cell"
      data-changed={changed ? "yes" : "no"}
      title={title}
    >
      <span className="text-fg-muted">{textA}</span>
      <span className="px-1 text-fg-subtle">→</span>
      <span className="text-fg">{textB}</span>
      {delta !== null && changed ? (
        <span className={cn("ml-1 font-medium", delta > 0 ? "text-success" : "text-danger")}>
          {delta > 0 ? "+" : ""}
          {delta.toFixed(2)}
        </span>
      ) : null}
    </td>
  );
}
