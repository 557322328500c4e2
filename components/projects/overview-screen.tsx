"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ComponentType } from "react";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { JobStatusBadge, jobTitle } from "@/components/jobs/job-status";
import { useJobs } from "@/components/jobs/queries";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber, shortId } from "@/components/ui/format";
import {
  IconJobs,
  IconLeaderboards,
  IconRubrics,
  IconRuns,
  IconSettings,
  IconTasks,
  IconToolspaces,
  IconTrajectories,
} from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { roleAtLeast } from "@/lib/access/roles";
import { type ProjectStats, projectStats, projectView } from "@/lib/projects/schemas";
import { useProject } from "./project-context";

type Tile = {
  key: keyof ProjectStats;
  label: string;
  segment: string;
  icon: ComponentType<{ className?: string }>;
  sub?: (s: ProjectStats) => string;
  hint: string;
  adminOnly?: boolean;
};

const tiles: Tile[] = [
  {
    key: "toolspaces",
    label: "Toolspaces",
    segment: "toolspaces",
    icon: IconToolspaces,
    sub: (s) => `${formatNumber(s.tools)} tools`,
    hint: "MCP servers and their tool catalogues",
  },
  {
    key: "taskSets",
    label: "Task sets",
    segment: "tasks",
    icon: IconTasks,
    sub: (s) => `${formatNumber(s.tasks)} tasks`,
    hint: "Prompts the agent is evaluated on",
  },
  {
    key: "rubrics",
    label: "Rubrics",
    segment: "rubrics",
    icon: IconRubrics,
    hint: "Weighted criteria that score trajectories",
  },
  {
    key: "trajectories",
    label: "Trajectories",
    segment: "trajectories",
    icon: IconTrajectories,
    hint: "Recorded agent episodes, step by step",
  },
  { key: "runs", label: "Runs", segment: "runs", icon: IconRuns, hint: "Benchmark and training runs" },
  { key: "jobs", label: "Jobs", segment: "jobs", icon: IconJobs, hint: "Exports and other background work" },
  {
    key: "members",
    label: "Members",
    segment: "settings/members",
    icon: IconSettings,
    hint: "People and their roles",
    adminOnly: true,
  },
];

export function OverviewScreen() {
  const project = useProject();
  const stats = useQuery({
    queryKey: qk.stats(project.id),
    queryFn: () => api(projectPath(project.id, "/stats"), {}, projectStats),
  });
  const details = useQuery({
    queryKey: qk.project(project.id),
    queryFn: () => api(projectPath(project.id), {}, projectView),
  });
  const jobs = useJobs(project.id, {});
  const isAdmin = roleAtLeast(project.role, "admin");
  return (
    <>
      <PageHeader
        title={details.data?.name ?? project.name}
        description={details.data?.description || "What this project holds. Each count opens its page."}
      />
      <ErrorText message={stats.error?.message} className="mb-3 text-sm text-danger" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="overview-stats">
        {tiles.map((t) => {
          const Icon = t.icon;
          const linked = !t.adminOnly || isAdmin;
          const body = (
            <>
              <div className="flex items-center gap-2 text-xs font-medium text-fg-muted">
                <Icon className="size-3.5 text-fg-subtle" /> {t.label}
              </div>
              {stats.data ? (
                <div className="mt-1.5 flex items-baseline gap-2">
                  <span className="text-2xl font-semibold tabular-nums text-fg" data-testid={`stat-${t.key}`}>
                    {formatNumber(stats.data[t.key])}
                  </span>
                  {t.sub ? <span className="text-xs text-fg-muted">{t.sub(stats.data)}</span> : null}
                </div>
              ) : (
                <Skeleton className="mt-2 h-7 w-16" />
              )}
              <p className="mt-1 text-xs text-fg-subtle">{t.hint}</p>
            </>
          );
          return linked ? (
            <Link
              key={t.key}
              href={`/projects/${project.id}/${t.segment}`}
              className="rounded-lg border border-line bg-raised p-3.5 transition-colors hover:border-line-strong hover:bg-hover"
            >
              {body}
            </Link>
          ) : (
            <div key={t.key} className="rounded-lg border border-line bg-raised p-3.5">
              {body}
            </div>
          );
        })}
        <Link
          href={`/projects/${project.id}/leaderboards`}
          className="rounded-lg border border-line bg-raised p-3.5 transition-colors hover:border-line-strong hover:bg-hover"
        >
          <div className="flex items-center gap-2 text-xs font-medium text-fg-muted">
            <IconLeaderboards className="size-3.5 text-fg-subtle" /> Leaderboards
          </div>
          <p className="mt-1.5 text-sm text-fg-muted">
            Benchmark runs ranked per task set: score with a 95% interval, pass rate, context tokens.
          </p>
        </Link>
      </div>

      <Card className="mt-6">
        <CardHeader
          title="Recent jobs"
          actions={
            <Link href={`/projects/${project.id}/jobs`} className="text-xs text-accent hover:underline">
              All jobs →
            </Link>
          }
        />
        {jobs.data?.items.length ? (
          <ul className="divide-y divide-line">
            {jobs.data.items.slice(0, 5).map((j) => (
              <li key={j.id}>
                <Link
                  href={`/projects/${project.id}/jobs/${j.id}`}
                  className="flex items-center gap-3 px-4 py-2 text-sm hover:bg-hover"
                >
                  <span className="font-medium text-fg">{jobTitle(j.type)}</span>
                  <span className="font-mono text-[11px] text-fg-subtle">{shortId(j.id)}</span>
                  <JobStatusBadge status={j.status} />
                  <span className="ml-auto text-xs text-fg-muted">
                    <RelativeTime value={j.createdAt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-4 py-3 text-sm text-fg-muted">
            {jobs.isPending ? "Loading…" : "No jobs yet. Exports, benchmark runs and training runs show up here."}
          </p>
        )}
      </Card>
    </>
  );
}
