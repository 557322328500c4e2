"use client";
import Link from "next/link";
import { useJudges } from "@/components/judges/queries";
import { useCan, useProject } from "@/components/projects/project-context";
import { RubricsTabs } from "@/components/rubrics/rubrics-tabs";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { Select } from "@/components/ui/select";
import { SkeletonBlock } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { useRubricDetail, useRubricList, useStartRun } from "./queries";
import { RecentRuns } from "./recent-runs";
import { RunCompare } from "./run-compare";
import { RunPanel } from "./run-panel";
import { pickedFrom, TrajectoryPicker } from "./trajectory-picker";

const fieldLabel = "flex flex-col gap-1 text-xs font-medium text-fg-muted";

export function PlaygroundScreen({ runIdFromPath }: { runIdFromPath?: string }) {
  const project = useProject();
  const canRun = useCan("editor");
  const url = useUrlQuery();
  const rubrics = useRubricList(project.id);
  const judges = useJudges(project.id);
  const rubricId = url.get("rubric") || rubrics.data?.items[0]?.id || "";
  const rubric = useRubricDetail(project.id, rubricId);
  const versions = rubric.data?.versions ?? [];
  const latest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  const versionNo = url.getInt("version", latest) || latest;
  const version = versions.find((v) => v.version === versionNo);
  const judgeId = url.get("judge");
  const judge = judges.data?.items.find((j) => j.id === judgeId);
  const picked = pickedFrom(url.get("trajectories"));
  const runId = url.get("run") || runIdFromPath || "";
  const compareId = url.get("compare");
  const start = useStartRun(project.id);

  const kinds = { program: 0, model: 0, onnx: 0 };
  for (const c of version?.criteria ?? []) kinds[c.verifier.kind]++;
  const uncovered = (["model", "onnx"] as const).filter((k) => kinds[k] && judge?.kind !== k);

  if (rubrics.data && !rubrics.data.items.length)
    return (
      <div>
        <RubricsTabs projectId={project.id} title="Playground" />
        <EmptyState
          title="No rubric to try yet"
          ways={[
            {
              label: "In the studio",
              detail: (
                <>
                  Create or import one on the{" "}
                  <Link className="text-accent hover:underline" href={`/projects/${project.id}/rubrics`}>
                    Rubrics
                  </Link>{" "}
                  tab, then come back to run it on a few trajectories.
                </>
              ),
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/rubrics  {"name":"…","version":{"criteria":[…],"aggregation":{"rule":"weighted-mean"}}}`,
            },
          ]}
        />
      </div>
    );

  return (
    <div>
      <RubricsTabs
        projectId={project.id}
        title="Playground"
        description="Try a rubric version and a judge on a few trajectories: per-criterion scores with the rationale and the evidence steps, and two runs side by side."
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,4fr)]">
        <Card>
          <CardHeader
            title="Run"
            description="Results are cached: a criterion judged before on the same content is not judged again."
          />
          <CardBody className="flex flex-col gap-3">
            {rubrics.isPending ? <SkeletonBlock lines={2} /> : null}
            <div className="grid gap-3 sm:grid-cols-3">
              <label className={fieldLabel} htmlFor="pg-rubric">
                Rubric
                <Select
                  value={rubricId}
                  onChange={(e) => url.set({ rubric: e.target.value, version: null })}
                  id="pg-rubric"
                  data-testid="pg-rubric"
                >
                  {rubrics.data?.items.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </Select>
              </label>
              <label className={fieldLabel} htmlFor="pg-version">
                Version
                <Select
                  value={String(versionNo || "")}
                  onChange={(e) => url.set({ version: Number(e.target.value) === latest ? null : e.target.value })}
                  id="pg-version"
                  data-testid="pg-version"
                >
                  {[...versions]
                    .sort((a, b) => b.version - a.version)
                    .map((v) => (
                      <option key={v.id} value={v.version}>
                        v{v.version}
                        {v.version === latest ? " (latest)" : ""} · {v.criteria.length} criteria
                      </option>
                    ))}
                </Select>
              </label>
              <label className={fieldLabel} htmlFor="pg-judge">
                Judge
                <Select
                  value={judgeId}
                  onChange={(e) => url.set({ judge: e.target.value || null })}
                  id="pg-judge"
                  data-testid="pg-judge"
                >
                  <option value="">Program checks only</option>
                  {judges.data?.items.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name} ({j.kind})
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            {version ? (
              <p className="text-xs text-fg-muted" data-testid="pg-coverage">
                {kinds.program} program checks
                {kinds.model ? `, ${kinds.model} for a model judge` : ""}
                {kinds.onnx ? `, ${kinds.onnx} for an ONNX judge` : ""}.
                {uncovered.length
                  ? ` With ${judge ? `a ${judge.kind} judge` : "program checks only"}, the ${uncovered.join(" and ")} criteria are shown as "not judged" and left out of the reward.`
                  : ""}{" "}
                <Link className="text-accent hover:underline" href={`/projects/${project.id}/rubrics/${rubricId}`}>
                  Edit the rubric
                </Link>
                {" · "}
                <Link className="text-accent hover:underline" href={`/projects/${project.id}/rubrics/judges`}>
                  Judges
                </Link>
              </p>
            ) : null}
            <TrajectoryPicker projectId={project.id} />
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="primary"
                disabled={!version || !picked.length || !canRun}
                loading={start.isPending}
                data-testid="pg-run"
                onClick={() =>
                  version &&
                  start.mutate(
                    { rubricVersionId: version.id, judgeId: judgeId || null, trajectoryIds: picked },
                    { onSuccess: (r) => url.set({ run: r.id, compare: null }) },
                  )
                }
              >
                Run on {picked.length} {picked.length === 1 ? "trajectory" : "trajectories"}
              </Button>
              {!canRun ? (
                <span className="text-xs text-fg-muted">Editors can start runs; you can read them.</span>
              ) : null}
              {!picked.length && canRun ? (
                <span className="text-xs text-fg-muted">Tick some trajectories first.</span>
              ) : null}
              <ErrorText message={start.error?.message} />
            </div>
          </CardBody>
        </Card>
        <RecentRuns projectId={project.id} runId={runId} compareId={compareId} />
      </div>
      <div className="mt-4">
        {runId && compareId ? (
          <RunCompare projectId={project.id} a={runId} b={compareId} />
        ) : runId ? (
          <RunPanel projectId={project.id} runId={runId} />
        ) : null}
      </div>
    </div>
  );
}
