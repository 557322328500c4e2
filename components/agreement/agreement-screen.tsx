"use client";
import Link from "next/link";
import { useCan, useProject } from "@/components/projects/project-context";
import { useRubrics } from "@/components/rubrics/queries";
import { RubricsTabs } from "@/components/rubrics/rubrics-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { Select } from "@/components/ui/select";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { CriterionAgreementView, JudgeAgreementView } from "@/lib/judging/agreement-schemas";
import { ConfusionMatrix } from "./confusion-matrix";
import { Disagreements } from "./disagreements";
import { fixed, percent, useAgreement } from "./queries";

/** Landis and Koch's words for kappa, as most papers quote them. */
const strength = (k: number) =>
  k < 0
    ? "worse than chance"
    : k <= 0.2
      ? "slight"
      : k <= 0.4
        ? "fair"
        : k <= 0.6
          ? "moderate"
          : k <= 0.8
            ? "substantial"
            : "almost perfect";

export function AgreementScreen() {
  const project = useProject();
  const url = useUrlQuery();
  const rubricId = url.get("rubric");
  const rubrics = useRubrics(project.id);
  const report = useAgreement(project.id, rubricId);
  const items = report.data?.items ?? [];
  const [selSchema, selJudge] = url.get("sel").split("~");
  const selected =
    items.find((c) => c.labelSchemaId === selSchema && c.judges.some((j) => j.judgeKey === selJudge)) ??
    items.find((c) => c.judges.length);
  const selectedJudge =
    selected?.judges.find((j) => selected.labelSchemaId === selSchema && j.judgeKey === selJudge) ??
    selected?.judges[0];

  return (
    <div>
      <RubricsTabs
        projectId={project.id}
        title="Agreement"
        description="How often each judge agrees with people on the criteria that label schemas are tied to: percentage agreement, Cohen's kappa with a bootstrap 95% interval, and the trajectories where they disagree."
        actions={
          <Select
            aria-label="Rubric"
            value={rubricId}
            onChange={(e) => url.set({ rubric: e.target.value, sel: null })}
            data-testid="agreement-rubric"
          >
            <option value="">All rubrics</option>
            {rubrics.data?.items.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        }
      />
      <ErrorText message={report.error?.message} />
      {report.isPending ? <SkeletonBlock lines={6} /> : null}
      {report.data && !items.length ? <TeachEmpty projectId={project.id} /> : null}
      <div className="flex flex-col gap-4">
        {items.map((c) => (
          <CriterionCard
            key={c.labelSchemaId}
            c={c}
            selectedKey={selected?.labelSchemaId === c.labelSchemaId ? selectedJudge?.judgeKey : undefined}
            onSelect={(j) => url.set({ sel: `${c.labelSchemaId}~${j.judgeKey}` })}
            projectId={project.id}
          />
        ))}
      </div>
      {selected && selectedJudge ? <Detail projectId={project.id} c={selected} j={selectedJudge} /> : null}
      {report.data && items.length ? (
        <p className="mt-4 max-w-4xl text-xs text-fg-subtle" data-testid="agreement-mapping">
          {report.data.mapping}
        </p>
      ) : null}
    </div>
  );
}

function CriterionCard({
  c,
  selectedKey,
  onSelect,
  projectId,
}: {
  c: CriterionAgreementView;
  selectedKey: string | undefined;
  onSelect: (j: JudgeAgreementView) => void;
  projectId: string;
}) {
  return (
    <Card>
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2" data-testid="agreement-criterion">
            {c.criterionTitle ?? c.criterionId}
            <Badge>{c.scale === "ternary" ? "1 / 0.5 / 0" : "pass / fail"}</Badge>
          </span>
        }
        description={
          <>
            <Link className="hover:underline" href={`/projects/${projectId}/rubrics/${c.rubricId}`}>
              {c.rubricName}
            </Link>{" "}
            · criterion {c.criterionId} · label schema “{c.labelSchemaName}” · {formatNumber(c.labelCount)} labels
            {c.unmapped ? ` · ${formatNumber(c.unmapped)} not comparable (a category that is not pass/fail)` : ""}
          </>
        }
      />
      {c.judges.length ? (
        <table className="w-full text-sm tabular-nums" data-testid="agreement-table">
          <thead className="text-xs text-fg-muted">
            <tr className="border-b border-line">
              <th className="px-4 py-1.5 text-left font-medium">Judge</th>
              <th className="px-3 py-1.5 text-right font-medium">n</th>
              <th className="px-3 py-1.5 text-right font-medium">Agreement</th>
              <th className="px-3 py-1.5 text-left font-medium">Cohen's kappa [95% CI]</th>
              <th className="px-3 py-1.5 text-right font-medium">Not judged</th>
              <th className="px-4 py-1.5 text-right font-medium">Disagreements</th>
            </tr>
          </thead>
          <tbody>
            {c.judges.map((j) => (
              <tr
                key={j.judgeKey}
                onClick={() => onSelect(j)}
                aria-selected={selectedKey === j.judgeKey}
                data-testid="agreement-row"
                className={cn(
                  "cursor-pointer border-b border-line last:border-0 hover:bg-hover",
                  selectedKey === j.judgeKey && "bg-accent-soft/60",
                )}
              >
                <td className="px-4 py-1.5">
                  <button type="button" className="text-left font-medium text-fg hover:underline">
                    {j.judgeName}
                  </button>
                </td>
                <td className="px-3 py-1.5 text-right">{formatNumber(j.n)}</td>
                <td className="px-3 py-1.5 text-right">{percent(j.agreement)}</td>
                <td className="px-3 py-1.5" data-testid="kappa">
                  {j.kappa === null ? (
                    <span className="text-fg-muted" title={j.kappaNote ?? undefined}>
                      undefined <span className="text-xs">({j.kappaNote?.replace(/^undefined: /, "")})</span>
                    </span>
                  ) : (
                    <span>
                      <span className="font-medium text-fg">{fixed(j.kappa)}</span>{" "}
                      <span className="text-fg-muted">
                        {j.ci ? `[${fixed(j.ci.low)}, ${fixed(j.ci.high)}]` : "[no interval]"}
                      </span>{" "}
                      <span className="text-xs text-fg-subtle">{strength(j.kappa)}</span>
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5 text-right">
                  {j.notJudged ? <span className="text-warning">{formatNumber(j.notJudged)}</span> : "0"}
                </td>
                <td className="px-4 py-1.5 text-right">
                  {j.disagreementCount ? <span className="text-danger">{formatNumber(j.disagreementCount)}</span> : "0"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="px-4 py-3 text-sm text-fg-muted">
          No judge has scored this criterion on a labeled trajectory yet. Run the rubric on the labeled trajectories in
          the{" "}
          <Link
            className="text-accent hover:underline"
            href={`/projects/${projectId}/rubrics/playground?rubric=${c.rubricId}`}
          >
            Playground
          </Link>
          .
        </p>
      )}
    </Card>
  );
}

function Detail({ projectId, c, j }: { projectId: string; c: CriterionAgreementView; j: JudgeAgreementView }) {
  const canEdit = useCan("editor");
  return (
    <Card className="mt-4">
      <CardHeader
        title={`${c.criterionTitle ?? c.criterionId}: ${j.judgeName} versus people`}
        description={`${formatNumber(j.n)} pairs, ${formatNumber(j.disagreementCount)} disagreements`}
      />
      <div className="grid gap-6 px-4 py-3 lg:grid-cols-[auto_1fr]">
        <ConfusionMatrix categories={c.categories} matrix={j.matrix} judgeName={j.judgeName} />
        <Disagreements projectId={projectId} c={c} j={j} canEdit={canEdit} />
      </div>
    </Card>
  );
}

function TeachEmpty({ projectId }: { projectId: string }) {
  return (
    <EmptyState
      title="No labels are tied to a rubric criterion yet"
      ways={[
        {
          label: "1. Tie",
          detail: (
            <>
              In{" "}
              <Link className="text-accent hover:underline" href={`/projects/${projectId}/labeling/schemas`}>
                Labeling → Label schemas
              </Link>
              , create or edit a binary, categorical (pass / partial / fail, or 1 / 0.5 / 0) or numeric schema and tie
              it to a rubric and one of its criteria.
            </>
          ),
          code: `POST /api/v1/projects/${projectId}/label-schemas  {"name":"Answer right?","kind":"binary","rubricId":"…","criterionId":"…"}`,
        },
        {
          label: "2. Label",
          detail: (
            <>
              Label trajectories with it, in an{" "}
              <Link className="text-accent hover:underline" href={`/projects/${projectId}/labeling`}>
                annotation queue
              </Link>{" "}
              or in the trajectory viewer.
            </>
          ),
        },
        {
          label: "3. Judge",
          detail: (
            <>
              Run the rubric on the same trajectories in the{" "}
              <Link className="text-accent hover:underline" href={`/projects/${projectId}/rubrics/playground`}>
                Playground
              </Link>
              ; agreement appears here per criterion and per judge.
            </>
          ),
        },
      ]}
    />
  );
}
