"use client";
import type { ReactNode } from "react";
import { ApiError } from "@/components/api/client";
import { useProject } from "@/components/projects/project-context";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatBytes, formatDuration, formatNumber } from "@/components/ui/format";
import { IconDownload } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { roleAtLeast } from "@/lib/access/roles";
import { jobTypes } from "@/lib/jobs/types";
import { JobLog } from "./job-log";
import { JobStatusBadge, jobTitle, progressTone } from "./job-status";
import { artifactUrl, exportResult, isActive, useCancelJob, useJob, useJobLogs, useRetryJob } from "./queries";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="text-sm text-fg">{children}</dd>
    </div>
  );
}

/** Relative time with the clock time beside it: a job's moments are compared with each other. */
function Stamp({ value }: { value: string | null }) {
  if (!value) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="flex items-baseline gap-1.5">
      <RelativeTime value={value} />
      <span className="text-xs text-fg-subtle tabular-nums" suppressHydrationWarning>
        {new Date(value).toLocaleTimeString("en-GB", { hour12: false })}
      </span>
    </span>
  );
}

export function JobDetail({ jobId }: { jobId: string }) {
  const project = useProject();
  const job = useJob(project.id, jobId);
  const active = job.data ? isActive(job.data.status) : false;
  const logs = useJobLogs(project.id, jobId, active);
  const cancel = useCancelJob(project.id);
  const retry = useRetryJob(project.id);
  const canRun = roleAtLeast(project.role, "editor");

  if (job.isPending)
    return (
      <div className="flex flex-col gap-4">
        <SkeletonBlock lines={2} className="max-w-md" />
        <SkeletonBlock lines={5} />
      </div>
    );
  if (job.isError || !job.data)
    return (
      <EmptyState
        title={
          job.error instanceof ApiError && job.error.status === 404
            ? "This job is not in this project"
            : "The job could not be loaded"
        }
        actions={<ButtonLink href={`/projects/${project.id}/jobs`}>Back to jobs</ButtonLink>}
      >
        <p>{job.error?.message}</p>
      </EmptyState>
    );

  const j = job.data;
  const result = exportResult(j);
  const description = (jobTypes as Record<string, { description: string }>)[j.type]?.description;
  const started = j.startedAt ? new Date(j.startedAt).getTime() : null;
  const ended = j.finishedAt ? new Date(j.finishedAt).getTime() : null;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={jobTitle(j.type)}
        meta={<JobStatusBadge status={j.status} />}
        description={description}
        actions={
          <>
            {canRun && (j.status === "queued" || j.status === "running") ? (
              <Button
                variant="secondary"
                loading={cancel.isPending}
                onClick={() => cancel.mutate(j.id)}
                data-testid="job-cancel"
              >
                Cancel
              </Button>
            ) : null}
            {canRun && (j.status === "failed" || j.status === "cancelled") ? (
              <Button
                variant="secondary"
                loading={retry.isPending}
                onClick={() => retry.mutate(j.id)}
                data-testid="job-retry"
              >
                Retry
              </Button>
            ) : null}
            {result ? (
              <a
                href={artifactUrl(project.id, result.artifactId)}
                download
                className={buttonClass("primary")}
                data-testid="job-download"
              >
                <IconDownload className="size-3.5" /> Download
                {result.bytes !== null ? ` (${formatBytes(result.bytes)})` : ""}
              </a>
            ) : null}
          </>
        }
      />

      <Card>
        <CardHeader
          title="Progress"
          description={
            j.status === "cancelling"
              ? "Stopping after the step in flight; finished steps are kept."
              : j.status === "queued"
                ? "Waiting for a worker to pick it up."
                : j.status === "cancelled"
                  ? `Stopped. The ${formatNumber(j.progress.done)} finished steps are kept${canRun ? "; Retry continues from the next one" : ""}.`
                  : undefined
          }
        />
        <CardBody className="flex flex-col gap-4">
          <ProgressBar
            testId="job-progress"
            done={j.progress.done}
            total={j.progress.total}
            rate={j.progress.rate}
            etaSeconds={j.progress.etaSeconds}
            tone={progressTone(j.status)}
            active={active}
          />
          {j.status === "failed" && j.error ? (
            <div
              role="alert"
              className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger"
            >
              <p className="font-medium">The job failed</p>
              <p className="mt-0.5 font-mono text-xs break-words">{j.error}</p>
              {canRun ? <p className="mt-1 text-xs">Retry continues from the first unfinished step.</p> : null}
            </div>
          ) : null}
          {result ? (
            <p className="text-sm text-fg-muted" data-testid="job-result">
              Exported {result.records !== null ? `${formatNumber(result.records)} records` : "the project"}
              {result.bytes !== null ? `, ${formatBytes(result.bytes)} gzipped JSONL` : ""}.
            </p>
          ) : null}
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 border-t border-line pt-3 md:grid-cols-5">
            <Detail label="Launched">
              <Stamp value={j.createdAt} />
            </Detail>
            <Detail label="Started">
              <Stamp value={j.startedAt} />
            </Detail>
            <Detail label="Finished">
              <Stamp value={j.finishedAt} />
            </Detail>
            <Detail label="Duration">
              <span className="tabular-nums">
                {started ? formatDuration(((ended ?? Date.now()) - started) / 1000) : "—"}
              </span>
            </Detail>
            <Detail label="Job id">
              <span className="flex items-center gap-1.5">
                <code className="truncate font-mono text-xs">{j.id.slice(0, 13)}…</code>
                <CopyButton value={j.id} label="Copy" size="xs" />
              </span>
            </Detail>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Log"
          description={active ? "Live: new lines appear as the workers report them" : "The job's complete log"}
        />
        <JobLog lines={logs.data} loading={logs.isPending} />
      </Card>
    </div>
  );
}
