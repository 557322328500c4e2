"use client";
import { JobStatusBadge } from "@/components/jobs/job-status";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { useJudgingRuns } from "./queries";
import { judgeText } from "./run-panel";

/**
 * The project's latest judging runs. A click opens one; "compare" next to another puts the
 * two side by side (the open one on the left).
 */
export function RecentRuns({ projectId, runId, compareId }: { projectId: string; runId: string; compareId: string }) {
  const url = useUrlQuery();
  const runs = useJudgingRuns(projectId);
  const items = runs.data?.items ?? [];
  return (
    <Card>
      <CardHeader
        title="Recent runs"
        description={runId ? "Open one, or compare it with the open run." : "Open a run to see its scores."}
      />
      <ErrorText message={runs.error?.message} />
      {runs.isPending ? <SkeletonBlock lines={4} className="p-4" /> : null}
      {runs.data && !items.length ? (
        <p className="px-4 py-3 text-sm text-fg-muted">
          No runs yet: choose a rubric, a judge and trajectories, then Run.
        </p>
      ) : null}
      <ul className="max-h-96 overflow-y-auto" data-testid="recent-runs">
        {items.map((r) => {
          const open = r.id === runId;
          const compared = r.id === compareId;
          return (
            <li
              key={r.id}
              className={cn(
                "flex items-center gap-2 border-b border-line px-4 py-1.5 text-sm last:border-0",
                open && "bg-accent-soft/60",
                compared && "bg-info-soft/60",
              )}
              data-testid="recent-run"
            >
              <button
                type="button"
                className="min-w-0 flex-1 text-left"
                onClick={() => url.set({ run: r.id, compare: null })}
              >
                <span className="block truncate font-medium text-fg">
                  {r.rubricName} v{r.rubricVersion} · {judgeText(r)}
                </span>
                <span className="block text-xs text-fg-subtle">
                  {formatNumber(r.trajectoryCount)} trajectories · <RelativeTime value={r.createdAt} />
                  {r.counts.errors ? ` · ${r.counts.errors} failed` : ""}
                </span>
              </button>
              {r.status ? <JobStatusBadge status={r.status} /> : null}
              {runId && !open ? (
                <button
                  type="button"
                  className={cn("text-xs hover:underline", compared ? "font-medium text-info" : "text-accent")}
                  onClick={() => url.set({ compare: compared ? null : r.id })}
                  data-testid="compare-run"
                >
                  {compared ? "comparing" : "compare"}
                </button>
              ) : open ? (
                <span className="text-xs font-medium text-accent">open</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
