"use client";
import { useMemo } from "react";
import { useMe } from "@/components/api/me";
import { useCan } from "@/components/projects/project-context";
import { ErrorText } from "@/components/ui/error-text";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { LabelField } from "./label-field";
import { OthersLabels } from "./others-labels";
import { useLabelMutations, useLabelSchemas, useTrajectoryLabels } from "./queries";
import { useLabelForm } from "./use-label-form";

/**
 * Labels of one trajectory for the viewer: my labels as a form (labelers and up) for the
 * project's active schemas, trajectory-level ones and, with `stepIndex`, that step's; then
 * everyone else's, read only.
 */
export function TrajectoryLabelsPanel({
  projectId,
  trajectoryId,
  stepIndex = null,
}: {
  projectId: string;
  trajectoryId: string;
  /** the step being read: its step-level labels show; without it only trajectory-level ones */
  stepIndex?: number | null;
}) {
  const canLabel = useCan("labeler");
  const me = useMe();
  const toast = useToast();
  const schemas = useLabelSchemas(projectId);
  const labels = useTrajectoryLabels(projectId, trajectoryId);
  const mutations = useLabelMutations(projectId, me.data?.user);
  const myId = me.data?.user.id;
  const shown = useMemo(
    () => (schemas.data?.items ?? []).filter((s) => s.level === "trajectory" || stepIndex !== null),
    [schemas.data, stepIndex],
  );
  const all = labels.data?.items ?? [];
  const mine = all.filter((l) => l.authorId === myId);
  const others = all.filter((l) => l.authorId !== myId && (l.stepIndex === null || l.stepIndex === stepIndex));
  const form = useLabelForm({
    schemas: shown,
    mine,
    stepIndex,
    save: (s, step, value) =>
      mutations.set.mutate(
        { trajectoryId, input: { labelSchemaId: s.id, stepIndex: step, value } },
        { onError: (e) => toast({ tone: "error", title: `Could not save ${s.name}`, description: e.message }) },
      ),
    clear: (l) =>
      !l.id.startsWith("pending") &&
      mutations.remove.mutate(
        { trajectoryId, labelId: l.id },
        { onError: (e) => toast({ tone: "error", title: `Could not clear ${l.schemaName}`, description: e.message }) },
      ),
  });

  if (schemas.isPending || labels.isPending) return <Skeleton className="h-24" />;
  const error = schemas.error ?? labels.error;
  return (
    <div className="flex flex-col gap-3" data-testid="trajectory-labels-panel">
      <ErrorText message={error?.message} />
      {canLabel && myId ? (
        shown.length ? (
          <div className="flex flex-col gap-2">
            {shown.map((s) => (
              <LabelField key={s.id} schema={s} form={form} active={false} onActivate={() => {}} />
            ))}
          </div>
        ) : (
          <p className="text-xs text-fg-subtle">
            No label schemas here yet: editors create them under Labeling, Label schemas.
          </p>
        )
      ) : null}
      <OthersLabels labels={canLabel ? others : all} title={canLabel ? "Labels by others" : "Labels"} />
    </div>
  );
}
