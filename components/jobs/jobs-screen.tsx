"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useProject } from "@/components/projects/project-context";
import { Button, buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDuration, shortId } from "@/components/ui/format";
import { IconDownload } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { type JobView, jobStatuses } from "@/lib/jobs/schemas";
import { jobTypeNames } from "@/lib/jobs/types";
import { ExportProjectButton, JobLink } from "./export-button";
import { JobStatusBadge, jobTitle, progressTone, statusLabel } from "./job-status";
import { artifactUrl, exportResult, isActive, useJobs } from "./queries";

function duration(j: JobView) {
  if (!j.startedAt) return null;
  const end = j.finishedAt ? new Date(j.finishedAt).getTime() : Date.now();
  return formatDuration((end - new Date(j.startedAt).getTime()) / 1000);
}

export function JobsScreen() {
  const project = useProject();
  const url = useUrlQuery();
  const status = url.get("status");
  const type = url.get("type");
  const before = url.get("before");
  const jobs = useJobs(project.id, { status, type, before });
  const [launched, setLaunched] = useState<string | null>(null);

  const columns = useMemo<ColumnDef<JobView>[]>(
    () => [
      {
        id: "job",
        header: "Job",
        accessorFn: (j) => jobTitle(j.type),
        meta: { alwaysVisible: true, className: "w-[22%]" },
        cell: ({ row }) => (
          <div className="flex min-w-0 flex-col">
            <JobLink projectId={project.id} jobId={row.original.id}>
              {jobTitle(row.original.type)}
            </JobLink>
            <span className="font-mono text-[11px] text-fg-subtle">
              {shortId(row.original.id)}
              {row.original.id === launched ? (
                <span className="ml-1.5 font-sans text-accent">just launched</span>
              ) : null}
            </span>
          </div>
        ),
      },
      {
        id: "status",
        header: "Status",
        accessorKey: "status",
        meta: { className: "w-28" },
        cell: ({ row }) => <JobStatusBadge status={row.original.status} />,
      },
      {
        id: "progress",
        header: "Progress",
        enableSorting: false,
        meta: { className: "w-[28%]" },
        cell: ({ row }) => {
          const j = row.original;
          return (
            <ProgressBar
              compact
              testId="job-progress"
              done={j.progress.done}
              total={j.progress.total}
              rate={j.progress.rate}
              etaSeconds={j.progress.etaSeconds}
              tone={progressTone(j.status)}
              active={isActive(j.status)}
            />
          );
        },
      },
      {
        id: "createdAt",
        header: "Launched",
        accessorKey: "createdAt",
        meta: { className: "w-28 whitespace-nowrap text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
      {
        id: "duration",
        header: "Duration",
        accessorFn: (j) =>
          j.startedAt ? new Date(j.finishedAt ?? Date.now()).getTime() - new Date(j.startedAt).getTime() : -1,
        meta: { className: "w-20 whitespace-nowrap tabular-nums text-fg-muted" },
        cell: ({ row }) => duration(row.original) ?? "—",
      },
      {
        id: "result",
        header: "Result",
        enableSorting: false,
        meta: { className: "w-32", label: "Result" },
        cell: ({ row }) => {
          const j = row.original;
          const r = exportResult(j);
          if (r)
            return (
              <a
                href={artifactUrl(project.id, r.artifactId)}
                download
                data-testid="job-download"
                className={buttonClass("secondary", "sm")}
              >
                <IconDownload className="size-3.5" /> Download
              </a>
            );
          if (j.status === "failed")
            return (
              <span className="line-clamp-1 text-xs text-danger" title={j.error ?? undefined}>
                {j.error ?? "Failed"}
              </span>
            );
          return <span className="text-xs text-fg-subtle">—</span>;
        },
      },
    ],
    [project.id, launched],
  );

  const items = jobs.data?.items;
  const filtered = Boolean(status || type || before);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Background work in this project: exports today; benchmark runs and training runs when they arrive. Progress updates live."
        actions={<ExportProjectButton onLaunched={setLaunched} />}
      />
      <DataTable
        label="Jobs"
        testId="jobs-table"
        storageKey="jobs"
        data={items}
        loading={jobs.isPending}
        columns={columns}
        getRowId={(j) => j.id}
        rowHref={(j) => `/projects/${project.id}/jobs/${j.id}`}
        toolbar={
          <>
            <Select
              aria-label="Filter by status"
              value={status}
              onChange={(e) => url.set({ status: e.target.value, before: null })}
            >
              <option value="">All statuses</option>
              {jobStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel[s]}
                </option>
              ))}
            </Select>
            <Select
              aria-label="Filter by type"
              value={type}
              onChange={(e) => url.set({ type: e.target.value, before: null })}
            >
              <option value="">All types</option>
              {jobTypeNames.map((t) => (
                <option key={t} value={t}>
                  {jobTitle(t)}
                </option>
              ))}
            </Select>
            {filtered ? (
              <Button variant="ghost" size="sm" onClick={() => url.set({ status: null, type: null, before: null })}>
                Clear filters
              </Button>
            ) : null}
            {jobs.isError ? <span className="text-xs text-danger">{jobs.error.message}</span> : null}
          </>
        }
        empty={
          filtered ? (
            "No jobs match these filters."
          ) : (
            <EmptyState
              className="mx-auto max-w-2xl text-left"
              title="No jobs yet"
              ways={[
                {
                  label: "In the studio",
                  detail: "The Export project button above writes everything in this project to a gzipped JSONL file.",
                },
                {
                  label: "API",
                  code: `POST /api/v1/projects/${project.id}/jobs  {"type":"project.export"}`,
                  detail: "with an API key that has the run scope",
                },
                {
                  label: "Later",
                  detail: "Benchmark runs and GRPO training runs will appear here too, with live progress and logs.",
                },
              ]}
            />
          )
        }
        footer={
          items?.length ? (
            <div className="flex items-center justify-between text-xs text-fg-muted">
              <span>
                {before ? "Older jobs" : "Newest first"} · {items.length} shown
              </span>
              <div className="flex gap-1.5">
                {before ? (
                  <Button size="sm" onClick={() => url.set({ before: null })}>
                    Newest
                  </Button>
                ) : null}
                <Button
                  size="sm"
                  disabled={!jobs.data?.nextBefore}
                  onClick={() => url.set({ before: jobs.data?.nextBefore })}
                >
                  Older
                </Button>
              </div>
            </div>
          ) : null
        }
      />
    </>
  );
}
