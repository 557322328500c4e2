"use client";
import Link from "next/link";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { CriterionResult, JudgingResults, TrajectoryResult } from "@/lib/judging/schemas";
import { notJudged, ScoreCell, scoreText, scoreTone, toneText } from "./score-cell";

export const viewerHref = (projectId: string, trajectoryId: string, step?: number) =>
  `/projects/${projectId}/trajectories/${trajectoryId}${step === undefined ? "" : `?step=${step}`}`;

/** Trajectories down, criteria across; a click on a score opens its rationale and evidence. */
export function RunResults({ projectId, data }: { projectId: string; data: JudgingResults }) {
  const [open, setOpen] = useState<{ t: string; c: string } | null>(null);
  const crit = data.criteria;
  const passColumn = data.items.some((t) => t.passed !== null);
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-raised" data-testid="run-results">
      <table className="w-full border-collapse text-sm">
        <thead className="text-xs text-fg-muted">
          <tr className="border-b border-line">
            <th className="sticky left-0 z-10 min-w-64 bg-raised px-3 py-1.5 text-left font-medium">Trajectory</th>
            <th className="px-2 py-1.5 text-right font-medium">Reward</th>
            {passColumn ? <th className="px-2 py-1.5 font-medium">Passed</th> : null}
            {crit.map((c) => (
              <th
                key={c.id}
                className="max-w-36 min-w-20 px-2 py-1.5 text-center font-medium"
                title={`${c.title} · ${c.verifier} · weight ${c.weight}${c.category ? ` · ${c.category}` : ""}`}
              >
                <span className="line-clamp-2">{c.title}</span>
                <span className="block font-normal text-fg-subtle">{c.verifier}</span>
              </th>
            ))}
          </tr>
          <tr className="border-b border-line bg-panel/60" data-testid="criterion-means">
            <th className="sticky left-0 z-10 bg-panel px-3 py-1 text-left font-normal">
              Mean over {data.total} trajectories
            </th>
            <th className="px-2 py-1 text-right font-medium tabular-nums text-fg">{scoreText(data.rewardMean)}</th>
            {passColumn ? (
              <th className="px-2 py-1 font-normal">
                {data.passRate === null ? "–" : `${Math.round(data.passRate * 100)}% pass`}
              </th>
            ) : null}
            {crit.map((c) => (
              <th key={c.id} className="px-2 py-1 text-center font-normal" data-testid="criterion-mean">
                <span className={c.mean === null ? "text-fg-subtle" : toneText[scoreTone(c.mean)]}>
                  {scoreText(c.mean)}
                </span>
                {c.notJudged + c.errors ? (
                  <span className="block text-[11px] text-fg-subtle">
                    {c.notJudged ? `${c.notJudged} not judged` : ""}
                    {c.notJudged && c.errors ? ", " : ""}
                    {c.errors ? `${c.errors} errors` : ""}
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((t) => {
            const byId = new Map(t.criteria.map((c) => [c.criterionId, c]));
            const sel = open?.t === t.trajectoryId ? byId.get(open.c) : undefined;
            return (
              <Fragment key={t.trajectoryId}>
                <tr className="border-b border-line last:border-0" data-testid="result-row">
                  <td className="sticky left-0 z-10 max-w-80 bg-raised px-3 py-1.5">
                    <Link
                      href={viewerHref(projectId, t.trajectoryId)}
                      className="line-clamp-1 font-medium text-fg hover:text-accent hover:underline"
                    >
                      {t.summary || t.trajectoryId.slice(0, 8)}
                    </Link>
                    <span className="text-xs text-fg-subtle">
                      {t.taskRef ?? "no task"}
                      {t.policy ? ` · ${t.policy}` : ""}
                    </span>
                  </td>
                  <td className="px-2 py-1.5 text-right tabular-nums" data-testid="reward">
                    {t.pending ? (
                      <span className="text-fg-subtle">pending</span>
                    ) : t.reward === null ? (
                      <span className="text-xs text-fg-muted" title="no criterion could be judged">
                        none
                      </span>
                    ) : (
                      <span className={toneText[scoreTone(t.reward)]}>{scoreText(t.reward)}</span>
                    )}
                    {t.notJudged.length ? (
                      <span className="block text-[11px] text-fg-subtle">{t.notJudged.length} left out</span>
                    ) : null}
                  </td>
                  {passColumn ? (
                    <td className="px-2 py-1.5 text-center">
                      {t.passed === null ? (
                        "–"
                      ) : t.passed ? (
                        <Badge tone="success">pass</Badge>
                      ) : (
                        <Badge tone="danger">fail</Badge>
                      )}
                    </td>
                  ) : null}
                  {crit.map((c) => {
                    const r = byId.get(c.id);
                    return (
                      <td key={c.id} className="border-l border-line p-0">
                        {r ? (
                          <ScoreCell
                            c={r}
                            selected={open?.t === t.trajectoryId && open.c === c.id}
                            onClick={() =>
                              setOpen(
                                open?.t === t.trajectoryId && open.c === c.id ? null : { t: t.trajectoryId, c: c.id },
                              )
                            }
                          />
                        ) : (
                          <span className="block text-center text-fg-subtle">–</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
                {sel ? (
                  <tr className="border-b border-line bg-panel/60">
                    <td colSpan={2 + (passColumn ? 1 : 0) + crit.length} className="px-3 py-2">
                      <Verdict
                        projectId={projectId}
                        t={t}
                        r={sel}
                        title={crit.find((c) => c.id === sel.criterionId)?.title ?? sel.criterionId}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Why a criterion scored what it did: the rationale, the evidence steps, or the error. */
export function Verdict({
  projectId,
  t,
  r,
  title,
}: {
  projectId: string;
  t: Pick<TrajectoryResult, "trajectoryId">;
  r: CriterionResult;
  title: string;
}) {
  return (
    <div className="sticky left-0 flex max-w-4xl flex-col gap-1 text-sm" data-testid="verdict">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-fg">{title}</span>
        {r.value !== null ? (
          <Badge tone={scoreTone(r.value)}>
            {scoreText(r.value)}
            {r.raw !== null && r.raw !== r.value ? ` (raw ${r.raw})` : ""}
          </Badge>
        ) : notJudged(r) ? (
          <Badge>not judged</Badge>
        ) : (
          <Badge tone="danger">error</Badge>
        )}
        {r.cached ? <span className="text-xs text-fg-subtle">from the judging cache</span> : null}
        {r.latencyMs !== null ? <span className="text-xs text-fg-subtle">{r.latencyMs} ms</span> : null}
      </div>
      {r.error ? <p className="text-xs text-danger">{r.error}</p> : null}
      {r.rationale ? <p className="whitespace-pre-wrap text-fg-muted">{r.rationale}</p> : null}
      <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
        Evidence:
        {r.evidence.length ? (
          r.evidence.map((s) => (
            <Link
              key={s}
              href={viewerHref(projectId, t.trajectoryId, s)}
              className="text-accent hover:underline"
              data-testid="evidence-link"
            >
              step {s}
            </Link>
          ))
        ) : (
          <span>no steps cited</span>
        )}
      </p>
    </div>
  );
}
