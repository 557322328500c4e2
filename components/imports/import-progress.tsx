"use client";
import Link from "next/link";
import { JobStatusBadge, progressTone } from "@/components/jobs/job-status";
import { isActive } from "@/components/jobs/queries";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SkeletonBlock } from "@/components/ui/skeleton";
import type { ImportStatus } from "@/lib/imports/status";
import { RecordErrors } from "./record-list";

function Count({ label, value, tone, testId }: { label: string; value: number; tone?: string; testId: string }) {
  return (
    <div
      className="flex flex-col rounded-md border border-line bg-panel px-3 py-2"
      data-testid={testId}
      data-value={value}
    >
      <span className={`text-lg font-semibold tabular-nums ${tone ?? "text-fg"}`}>{formatNumber(value)}</span>
      <span className="text-xs text-fg-subtle">{label}</span>
    </div>
  );
}

/** The import job as it runs and once it has ended: records, counts, errors. */
export function ImportProgress({ status, projectId }: { status: ImportStatus | undefined; projectId: string }) {
  if (!status) return <SkeletonBlock lines={3} />;
  const { job, records, counts } = status;
  const active = isActive(job.status);
  const planning = active && records.total === null;
  const rate =
    job.progress.rate && records.total ? (job.progress.rate * records.total) / (job.progress.total ?? 1) : null;
  return (
    <div className="flex flex-col gap-3" data-testid="import-progress" data-status={job.status}>
      <div className="flex items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-2">
          <JobStatusBadge status={job.status} />
          <span className="truncate text-sm text-fg-muted">{status.filename}</span>
        </div>
        <Link href={`/projects/${projectId}/jobs/${job.id}`} className="shrink-0 text-xs text-accent hover:underline">
          Open the job
        </Link>
      </div>
      {planning ? <p className="text-sm text-fg-muted">Checking every record before anything is written…</p> : null}
      <ProgressBar
        done={records.done}
        total={records.total}
        rate={rate}
        etaSeconds={job.progress.etaSeconds}
        unit="records"
        active={active}
        tone={progressTone(job.status)}
        testId="import-records"
      />
      <div className="grid grid-cols-3 gap-2">
        <Count label="created" value={counts.created} tone="text-success" testId="import-created" />
        <Count label="already there" value={counts.exists} testId="import-exists" />
        <Count
          label={status.mode === "valid-only" ? "invalid, skipped" : "invalid"}
          value={counts.invalid}
          tone={counts.invalid ? "text-danger" : undefined}
          testId="import-invalid"
        />
      </div>
      {job.status === "failed" ? <ErrorText message={job.error} /> : null}
      {job.status === "cancelled" ? (
        <p className="text-sm text-fg-muted">
          {status.mode === "all-or-nothing"
            ? "Cancelled: nothing was imported."
            : "Cancelled: the pages that finished are kept."}
        </p>
      ) : null}
      <RecordErrors errors={status.errors} format={status.format} total={counts.invalid} />
    </div>
  );
}
