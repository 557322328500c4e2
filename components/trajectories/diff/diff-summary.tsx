import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration, formatNumber } from "@/components/ui/format";
import type { AlignedPair } from "@/lib/trajectories/align";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { outcomeTone } from "../viewer/trajectory-header";

const num = (v: number | null, unit = "") => (v === null ? "—" : `${formatNumber(Math.round(v * 1000) / 1000)}${unit}`);

/** The two episodes side by side in numbers, and what the alignment found. */
export function DiffSummary({ a, b, pairs }: { a: TrajectoryView; b: TrajectoryView; pairs: AlignedPair[] }) {
  const rows: [string, (t: TrajectoryView) => ReactNode, ((t: TrajectoryView) => number | null)?][] = [
    ["Policy", (t) => t.policy ?? "—"],
    ["Outcome", (t) => (t.outcome ? <Badge tone={outcomeTone[t.outcome]}>{t.outcome}</Badge> : "—")],
    ["Reward", (t) => num(t.reward), (t) => t.reward],
    ["Steps", (t) => num(t.stepCount), (t) => t.stepCount],
    ["Tool calls", (t) => num(t.toolCallCount), (t) => t.toolCallCount],
    ["Tool errors", (t) => num(t.toolErrorCount), (t) => t.toolErrorCount],
    ["Peak context", (t) => num(t.peakContextTokens, " tok"), (t) => t.peakContextTokens],
    ["Duration", (t) => (t.durationMs === null ? "—" : formatDuration(t.durationMs / 1000))],
  ];
  const count = (k: AlignedPair["kind"]) => pairs.filter((p) => p.kind === k).length;
  return (
    <div className="flex flex-wrap items-start gap-x-6 gap-y-2" data-testid="diff-summary">
      <table className="text-xs tabular-nums">
        <thead>
          <tr className="text-fg-subtle">
            <th className="pr-4 text-left font-normal" />
            <th className="px-3 text-left font-semibold text-accent">A</th>
            <th className="px-3 text-left font-semibold text-accent">B</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, show, value]) => {
            const differ = value ? value(a) !== value(b) : false;
            return (
              <tr key={label}>
                <td className="pr-4 text-fg-subtle">{label}</td>
                <td className={cn("px-3 py-px", differ && "font-medium text-fg")}>{show(a)}</td>
                <td className={cn("px-3 py-px", differ && "font-medium text-fg")}>{show(b)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-px text-xs tabular-nums">
        <dt className="text-fg-subtle">Aligned rows</dt>
        <dd className="text-fg">{formatNumber(pairs.length)}</dd>
        <dt className="text-fg-subtle">Same</dt>
        <dd className="text-fg">{formatNumber(count("same"))}</dd>
        <dt className="text-warning">Arguments differ</dt>
        <dd className="text-fg">{formatNumber(count("args"))}</dd>
        <dt className="text-danger">Different tool</dt>
        <dd className="text-fg">{formatNumber(count("tool"))}</dd>
        <dt className="text-info">Only in A / only in B</dt>
        <dd className="text-fg">
          {formatNumber(count("a-only"))} / {formatNumber(count("b-only"))}
        </dd>
      </dl>
    </div>
  );
}
