import { Badge, type Tone } from "@/components/ui/badge";
import type { ProgressTone } from "@/components/ui/progress-bar";
import type { JobStatus } from "@/lib/jobs/schemas";
import { jobTypes } from "@/lib/jobs/types";

const tones: Record<JobStatus, Tone> = {
  queued: "neutral",
  running: "info",
  cancelling: "warning",
  cancelled: "neutral",
  succeeded: "success",
  failed: "danger",
};

export const statusLabel: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  cancelling: "Cancelling",
  cancelled: "Cancelled",
  succeeded: "Succeeded",
  failed: "Failed",
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge tone={tones[status]} dot={status === "running" || status === "cancelling" || status === "queued"}>
      <span data-testid="job-status" data-status={status}>
        {statusLabel[status]}
      </span>
    </Badge>
  );
}

export const progressTone = (s: JobStatus): ProgressTone =>
  s === "succeeded"
    ? "success"
    : s === "failed"
      ? "danger"
      : s === "cancelled" || s === "cancelling"
        ? "neutral"
        : "accent";

export const jobTitle = (type: string) => (jobTypes as Record<string, { title: string }>)[type]?.title ?? type;
