import { statusLabel } from "@/components/jobs/job-status";
import { Badge, type Tone } from "@/components/ui/badge";
import type { ProgressTone } from "@/components/ui/progress-bar";
import type { EpisodeStatus, RunView } from "@/lib/runs/schemas";

const tones: Record<RunView["status"], Tone> = {
  queued: "neutral",
  running: "info",
  cancelling: "warning",
  cancelled: "neutral",
  succeeded: "success",
  failed: "danger",
};

export const STRATEGY_SHORT: Record<string, string> = { eager: "eager", isl: "ISL", itl: "ITL", "itl-ptc": "ITL+PTC" };

export function RunStatusBadge({ status }: { status: RunView["status"] }) {
  return (
    <Badge tone={tones[status]} dot={status === "running" || status === "cancelling" || status === "queued"}>
      <span data-testid="run-status" data-status={status}>
        {statusLabel[status]}
      </span>
    </Badge>
  );
}

export function EpisodeStatusBadge({ status }: { status: EpisodeStatus }) {
  return (
    <Badge tone={tones[status]} dot={status === "running"}>
      <span data-testid="episode-status" data-status={status}>
        {statusLabel[status]}
      </span>
    </Badge>
  );
}

/** Episodes that will not change without a new job: succeeded, failed or cancelled. */
export const finishedEpisodes = (r: Pick<RunView, "counts">) =>
  r.counts.succeeded + r.counts.failed + r.counts.cancelled;

export const runTone = (r: Pick<RunView, "status" | "counts">): ProgressTone =>
  r.status === "failed"
    ? "danger"
    : r.status === "succeeded"
      ? r.counts.failed
        ? "danger"
        : "success"
      : r.status === "cancelled"
        ? "neutral"
        : "accent";
