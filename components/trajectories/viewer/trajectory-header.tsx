"use client";
import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDuration, formatNumber, shortId } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Outcome } from "@/lib/trajectories/format";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";

export const outcomeTone: Record<Outcome, Tone> = {
  pass: "success",
  partial: "warning",
  fail: "danger",
  error: "danger",
};

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1.5" data-testid={testId}>
      <dt className="shrink-0 text-fg-subtle">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1 truncate text-fg">{children}</dd>
    </div>
  );
}

const none = <span className="text-fg-subtle">—</span>;

/** The episode at a glance: outcome, reward, task, policy, strategy, tokenizer, sizes; copy buttons on ids. */
export function TrajectoryHeader({ t, actions }: { t: TrajectoryView; actions?: ReactNode }) {
  return (
    <header className="flex flex-col gap-2" data-testid="trajectory-header">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-lg font-semibold tracking-tight text-fg">
          Trajectory <span className="font-mono">{shortId(t.id)}</span>
        </h1>
        <CopyButton value={t.id} label="Copy id" size="xs" testId="copy-trajectory-id" />
        {t.outcome ? (
          <Badge tone={outcomeTone[t.outcome]} dot>
            {t.outcome}
          </Badge>
        ) : (
          <Badge>no outcome</Badge>
        )}
        <span className="text-sm text-fg-muted">
          reward{" "}
          <span className="font-semibold text-fg tabular-nums" data-testid="trajectory-reward">
            {t.reward === null ? "—" : formatNumber(Math.round(t.reward * 1000) / 1000)}
          </span>
        </span>
        {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs">
        <Fact label="Task" testId="fact-task">
          {t.task.ref ? (
            <>
              <span className="font-mono">{t.task.ref}</span>
              <CopyButton value={t.task.ref} label="Copy" size="xs" />
            </>
          ) : (
            none
          )}
          {t.task.taskSet ? <span className="text-fg-subtle">in {t.task.taskSet}</span> : null}
          {t.task.ref && !t.task.id ? <span className="text-fg-subtle">(not a task of this project)</span> : null}
        </Fact>
        <Fact label="Policy">{t.policy ?? none}</Fact>
        <Fact label="Strategy">{t.loadingStrategy ?? none}</Fact>
        <Fact label="Tokenizer">
          {t.tokenizer.name ?? none}
          {t.tokenizer.exact === true ? <Badge tone="success">exact</Badge> : null}
          {t.tokenizer.exact === false ? (
            <Badge tone="warning" className="cursor-help">
              <span title="Counted with OpenAI's o200k_base: an approximation for this policy's own tokenizer">
                approximate
              </span>
            </Badge>
          ) : null}
          {t.tokenizer.exact === null && t.tokenizer.name ? (
            <span className="text-fg-subtle">(from the file)</span>
          ) : null}
        </Fact>
        <Fact label="Context limit">{t.contextLimit === null ? "not recorded" : formatNumber(t.contextLimit)}</Fact>
        <Fact label="Peak context">
          {t.peakContextTokens === null ? none : `${formatNumber(t.peakContextTokens)} tok`}
        </Fact>
        <Fact label="Steps">{formatNumber(t.stepCount)}</Fact>
        <Fact label="Tool calls">
          {formatNumber(t.toolCallCount)}
          {t.toolErrorCount ? <span className="text-danger">· {formatNumber(t.toolErrorCount)} errors</span> : null}
        </Fact>
        <Fact label="Duration">{t.durationMs === null ? none : formatDuration(t.durationMs / 1000)}</Fact>
        {t.run ? (
          <Fact label="Run">
            {t.run.name}
            <CopyButton value={t.run.id} label="Copy id" size="xs" />
          </Fact>
        ) : null}
        <Fact label="Labels">{formatNumber(t.labelCount)}</Fact>
        <Fact label="Added">
          <RelativeTime value={t.createdAt} />
        </Fact>
        {t.clientId && !t.clientId.startsWith("sha256:") ? (
          <Fact label="Client id">
            <span className="max-w-48 truncate font-mono" title={t.clientId}>
              {t.clientId}
            </span>
            <CopyButton value={t.clientId} label="Copy" size="xs" />
          </Fact>
        ) : null}
      </dl>
    </header>
  );
}
