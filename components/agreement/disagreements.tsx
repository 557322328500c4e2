"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import type { CriterionAgreementView, JudgeAgreementView } from "@/lib/judging/agreement-schemas";
import { fixed, useSendDisagreements } from "./queries";

const valueText = (v: unknown) => (typeof v === "boolean" ? (v ? "yes" : "no") : String(v));

/** The trajectories where the judge and a person disagree, and one click to have them labeled again. */
export function Disagreements({
  projectId,
  c,
  j,
  canEdit,
}: {
  projectId: string;
  c: CriterionAgreementView;
  j: JudgeAgreementView;
  canEdit: boolean;
}) {
  const send = useSendDisagreements(projectId);
  const sent = send.data && send.variables?.judgeKey === j.judgeKey && send.variables.labelSchemaId === c.labelSchemaId;
  const viewer = (id: string, step?: number) =>
    `/projects/${projectId}/trajectories/${id}${step === undefined ? "" : `?step=${step}`}`;
  return (
    <div className="min-w-0">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h3 className="text-sm font-semibold text-fg">Disagreements</h3>
        {j.disagreementCount && canEdit ? (
          <Button
            size="sm"
            variant="primary"
            loading={send.isPending}
            onClick={() => send.mutate({ labelSchemaId: c.labelSchemaId, judgeKey: j.judgeKey })}
            data-testid="send-disagreements"
          >
            Send {formatNumber(j.disagreementCount)} {j.disagreementCount === 1 ? "disagreement" : "disagreements"} to a
            queue
          </Button>
        ) : null}
        {j.disagreementCount && !canEdit ? (
          <span className="text-xs text-fg-muted">Editors can send these to an annotation queue.</span>
        ) : null}
        {sent && send.data ? (
          <span className="text-sm text-fg-muted" data-testid="sent-queue" role="status">
            Sent {formatNumber(send.data.sent)} to{" "}
            <Link
              className="text-accent hover:underline"
              href={`/projects/${projectId}/labeling/${send.data.queue.id}`}
            >
              {send.data.queue.name}
            </Link>
          </span>
        ) : null}
      </div>
      <ErrorText message={send.error?.message} />
      {j.disagreements.length ? (
        <ul className="flex flex-col divide-y divide-line rounded-md border border-line" data-testid="disagreements">
          {j.disagreements.map((d) => (
            <li
              key={`${d.trajectoryId}-${d.author ?? ""}-${String(d.humanValue)}`}
              className="flex flex-col gap-1 px-3 py-2 text-sm"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  className="min-w-0 truncate font-medium text-accent hover:underline"
                  href={viewer(d.trajectoryId)}
                >
                  {d.summary || d.trajectoryId.slice(0, 8)}
                </Link>
                {d.taskRef ? <span className="text-xs text-fg-subtle">{d.taskRef}</span> : null}
                <span className="ml-auto flex items-center gap-1.5 text-xs">
                  <span className="text-fg-muted">{d.author ?? "someone"}:</span>
                  <Badge tone="info">
                    {valueText(d.humanValue)} → {d.human}
                  </Badge>
                  <span className="text-fg-muted">judge (v{d.rubricVersion}):</span>
                  <Badge tone="warning">
                    {fixed(d.judgeValue)} → {d.judge}
                  </Badge>
                </span>
              </div>
              {d.rationale ? <p className="line-clamp-3 text-xs text-fg-muted">{d.rationale}</p> : null}
              {d.evidence.length ? (
                <p className="flex flex-wrap gap-1.5 text-xs text-fg-muted">
                  evidence:
                  {d.evidence.map((s) => (
                    <Link key={s} className="text-accent hover:underline" href={viewer(d.trajectoryId, s)}>
                      step {s}
                    </Link>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-muted">The judge agrees with every label here.</p>
      )}
      {j.disagreementCount > j.disagreements.length ? (
        <p className="mt-1 text-xs text-fg-subtle">
          Showing the first {formatNumber(j.disagreements.length)} of {formatNumber(j.disagreementCount)}; the queue
          takes them all.
        </p>
      ) : null}
    </div>
  );
}
