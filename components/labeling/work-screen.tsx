"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useMe } from "@/components/api/me";
import { useCan, useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { Kbd } from "@/components/ui/kbd";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { LabelSchemaView } from "@/lib/labeling/schemas";
import type { TrajectoryView } from "@/lib/trajectories/view-schemas";
import { categoryKey, LabelField } from "./label-field";
import { OthersLabels } from "./others-labels";
import { useItemDone, useLabelMutations, useQueue, useQueueItems, useTrajectoryLabels } from "./queries";
import { useLabelForm } from "./use-label-form";
import { WorkBar } from "./work-bar";
import { WorkKeys } from "./work-keys";
import { WorkTranscript } from "./work-transcript";

export function WorkScreen({ queueId }: { queueId: string }) {
  const project = useProject();
  const canLabel = useCan("labeler");
  const queue = useQueue(project.id, queueId);
  const items = useQueueItems(project.id, queueId);
  const me = useMe();
  if (!canLabel)
    return (
      <EmptyState title="Labeling needs the labeler role">
        <p>
          You are a {project.role} in this project: you can read the queue and its labels, but not label. An admin can
          change your role.
        </p>
        <p>
          <Link href={`/projects/${project.id}/labeling/${queueId}`} className="text-accent hover:underline">
            Back to the queue
          </Link>
        </p>
      </EmptyState>
    );
  const error = queue.error ?? items.error ?? me.error;
  if (error) return <ErrorText message={error.message} />;
  if (!queue.data || !items.data || !me.data)
    return (
      <div className="flex flex-col gap-3">
        <Skeleton className="h-10" />
        <Skeleton className="h-[60vh]" />
      </div>
    );
  return <Work queue={queue.data} items={items.data.items} me={me.data.user} />;
}

type Props = {
  queue: NonNullable<ReturnType<typeof useQueue>["data"]>;
  items: NonNullable<ReturnType<typeof useQueueItems>["data"]>["items"];
  me: { id: string; name: string; email: string };
};

function Work({ queue, items, me }: Props) {
  const project = useProject();
  const url = useUrlQuery();
  const toast = useToast();
  const myDone = items.filter((i) => i.doneBy.includes(me.id)).length;
  // the item comes from the URL (1-based); without one, the first item I have not done
  const requested = url.getInt("item", 0);
  const firstOpen = items.findIndex((i) => !i.doneBy.includes(me.id));
  const index = requested > 0 ? Math.min(requested - 1, items.length) : firstOpen < 0 ? items.length : firstOpen;
  const item = items[index] ?? null;
  useEffect(() => {
    if (!requested) url.set({ item: index + 1 });
  }, [requested, index, url]);
  const go = (i: number) => url.set({ item: Math.max(0, Math.min(items.length, i)) + 1 });

  const schemas = useMemo(() => queue.schemas.filter((s) => !s.archived), [queue.schemas]);
  const stepSchemas = schemas.some((s) => s.level === "step");
  const labels = useTrajectoryLabels(project.id, item?.trajectoryId ?? null);
  const inQueue = useMemo(() => new Set(queue.labelSchemaIds), [queue.labelSchemaIds]);
  const all = (labels.data?.items ?? []).filter((l) => l.labelSchemaId && inQueue.has(l.labelSchemaId));
  const mine = all.filter((l) => l.authorId === me.id);
  const others = all.filter((l) => l.authorId !== me.id);

  const [step, setStep] = useState<number | null>(null);
  const [stepTotal, setStepTotal] = useState(0);
  const mutations = useLabelMutations(project.id, me);
  const done = useItemDone(project.id, queue.id, me.id);
  const form = useLabelForm({
    schemas,
    mine,
    stepIndex: step,
    save: (s, stepIndex, value) =>
      item &&
      mutations.set.mutate(
        { trajectoryId: item.trajectoryId, input: { labelSchemaId: s.id, stepIndex, value } },
        { onError: (e) => toast({ tone: "error", title: `Could not save ${s.name}`, description: e.message }) },
      ),
    clear: (l) =>
      item &&
      !l.id.startsWith("pending") &&
      mutations.remove.mutate(
        { trajectoryId: item.trajectoryId, labelId: l.id },
        { onError: (e) => toast({ tone: "error", title: `Could not clear ${l.schemaName}`, description: e.message }) },
      ),
  });

  const [active, setActive] = useState<string | null>(null);
  const activeSchema = schemas.find((s) => s.id === active) ?? schemas[0];
  const fields = useRef(new Map<string, HTMLElement>());
  const itemId = item?.id;
  // a new item starts clean, with the first field focused so that keys work at once
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the item changes, and only then
  useEffect(() => {
    form.reset();
    setStep(null);
    setStepTotal(0);
    setActive(schemas[0]?.id ?? null);
    const frame = requestAnimationFrame(() => {
      const first = schemas[0] && fields.current.get(schemas[0].id);
      if (first) first.focus();
      else (document.activeElement as HTMLElement | null)?.blur();
    });
    return () => cancelAnimationFrame(frame);
  }, [itemId]);
  const onLoaded = useCallback(
    (t: TrajectoryView) => {
      setStepTotal(t.steps.length);
      if (stepSchemas) setStep(t.steps.find((s) => s.role === "assistant")?.index ?? 0);
    },
    [stepSchemas],
  );

  const isDone = Boolean(item?.doneBy.includes(me.id));
  const setDone = (value: boolean) => {
    if (!item) return;
    if (!queue.mine.assigned) {
      toast({
        tone: "info",
        title: "You are not assigned to this queue",
        description: "Your labels are saved; an editor can assign you to track your progress.",
      });
      return;
    }
    done.mutate(
      { itemId: item.id, done: value },
      { onError: (e) => toast({ tone: "error", title: "Could not mark the item", description: e.message }) },
    );
  };
  const saveAndNext = () => {
    if (!item) return;
    if (!form.flush()) return;
    if (queue.mine.assigned && !isDone) setDone(true);
    go(index + 1);
  };
  const pick = (accepts: (s: LabelSchemaView) => boolean) =>
    activeSchema && accepts(activeSchema) ? activeSchema : schemas.find(accepts);
  const categoryKeys = [
    ...new Set(
      schemas.flatMap((s) => (s.kind === "categorical" ? (s.categories ?? []).map((_, i) => categoryKey(s, i)) : [])),
    ),
  ]
    .filter((k): k is string => Boolean(k))
    .map((key) => ({
      key,
      description: schemas
        .flatMap((x) =>
          x.kind === "categorical"
            ? (x.categories ?? []).flatMap((c, i) => (categoryKey(x, i) === key ? [`${x.name}: ${c.value}`] : []))
            : [],
        )
        .join(" / "),
      run: () => {
        const s = pick(
          (x) => x.kind === "categorical" && (x.categories ?? []).some((_, i) => categoryKey(x, i) === key),
        );
        const i = s?.categories?.findIndex((_, j) => categoryKey(s, j) === key) ?? -1;
        if (s && i >= 0 && s.categories) form.choose(s, s.categories[i].value);
      },
    }));

  if (!item)
    return (
      <Finished
        queue={queue}
        itemCount={items.length}
        myDone={myDone}
        onReview={() => go(Math.max(0, firstOpen))}
        onBack={() => go(items.length - 1)}
      />
    );
  const stepLabels = new Map<number, typeof mine>();
  for (const l of mine)
    if (l.stepIndex !== null) stepLabels.set(l.stepIndex, [...(stepLabels.get(l.stepIndex) ?? []), l]);

  return (
    <div className="flex flex-col gap-3">
      <WorkKeys
        a={{
          next: () => form.flush() && go(index + 1),
          previous: () => form.flush() && go(index - 1),
          saveAndNext: () => {
            // Enter on a focused button or link is that control's, not the page's
            const el = document.activeElement as HTMLElement | null;
            if (el && (el.tagName === "BUTTON" || el.tagName === "A") && !el.closest("[data-field]")) el.click();
            else saveAndNext();
          },
          toggleDone: () => setDone(!isDone),
          clearActive: () => activeSchema && form.remove(activeSchema),
          stepBy: stepSchemas
            ? (d) => {
                form.flush();
                setStep((s) => Math.max(0, Math.min(stepTotal - 1, (s ?? -1) + d)));
              }
            : null,
          binary: schemas.some((s) => s.kind === "binary")
            ? (v) => {
                const s = pick((x) => x.kind === "binary");
                if (s) form.choose(s, v);
              }
            : null,
          categoryKeys,
        }}
      />
      <WorkBar
        projectId={project.id}
        queue={queue}
        index={index}
        itemCount={items.length}
        clientId={item.clientId ?? item.trajectoryId}
        trajectoryId={item.trajectoryId}
        myDone={myDone}
        onPrevious={() => form.flush() && go(index - 1)}
        onNext={() => form.flush() && go(index + 1)}
      />
      <div
        className="grid min-h-0 grid-cols-[minmax(0,1fr)_20rem] gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]"
        style={{ height: "calc(100vh - 10.5rem)" }}
      >
        <div className="min-h-0 overflow-y-auto pr-1">
          <WorkTranscript
            projectId={project.id}
            trajectoryId={item.trajectoryId}
            selectedStep={stepSchemas ? step : null}
            onSelectStep={
              stepSchemas
                ? (i) => {
                    form.flush();
                    setStep(i);
                  }
                : undefined
            }
            stepLabels={stepLabels}
            onLoaded={onLoaded}
          />
        </div>
        <aside
          className="flex min-h-0 flex-col gap-3 overflow-y-auto pb-2"
          aria-label="Your labels"
          data-testid="work-form"
        >
          {!queue.mine.assigned ? (
            <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-xs text-warning">
              You are not assigned to this queue: your labels are saved, but items are marked done by assignees only.
            </p>
          ) : null}
          {schemas.map((s) => (
            <LabelField
              key={s.id}
              ref={(el) => {
                if (el) fields.current.set(s.id, el);
                else fields.current.delete(s.id);
              }}
              schema={s}
              form={form}
              active={activeSchema?.id === s.id}
              onActivate={() => setActive(s.id)}
              onSubmit={saveAndNext}
              disabled={s.level === "step" && step === null}
              disabledHint="Choose a step: ↑ / ↓, or click one in the transcript."
            />
          ))}
          {schemas.length === 0 ? (
            <p className="text-sm text-fg-muted">This queue has no active label schemas: an editor can add one.</p>
          ) : null}
          <div className="flex items-center gap-2">
            <Button variant="primary" onClick={saveAndNext} data-testid="save-next">
              Save and next <Kbd className="border-transparent bg-accent-fg/20 text-accent-fg">Enter</Kbd>
            </Button>
            <Button onClick={() => setDone(!isDone)} data-testid="toggle-done" aria-pressed={isDone}>
              {isDone ? "Done ✓" : "Mark done"} <Kbd>d</Kbd>
            </Button>
          </div>
          <p className="text-[11px] leading-4 text-fg-subtle">
            Tab moves between fields · <Kbd>1</Kbd>-<Kbd>9</Kbd> categories · <Kbd>y</Kbd>/<Kbd>n</Kbd> yes/no ·{" "}
            <Kbd>j</Kbd>/<Kbd>k</Kbd> items
            {stepSchemas ? (
              <>
                {" "}
                · <Kbd>↑</Kbd>/<Kbd>↓</Kbd> steps
              </>
            ) : null}{" "}
            · <Kbd>?</Kbd> all keys
          </p>
          <OthersLabels labels={others} />
        </aside>
      </div>
    </div>
  );
}

function Finished({
  queue,
  itemCount,
  myDone,
  onReview,
  onBack,
}: {
  queue: Props["queue"];
  itemCount: number;
  myDone: number;
  onReview: () => void;
  onBack: () => void;
}) {
  const project = useProject();
  const all = myDone >= itemCount;
  return (
    <EmptyState
      title={itemCount === 0 ? "This queue has no items yet" : all ? "All done" : "End of the queue"}
      badge={
        itemCount ? <Badge tone={all ? "success" : "neutral"}>{`${myDone} / ${itemCount} done by you`}</Badge> : null
      }
      actions={
        <>
          <ButtonLink href={`/projects/${project.id}/labeling/${queue.id}`} variant="primary">
            Back to {queue.name}
          </ButtonLink>
          {itemCount ? <Button onClick={onBack}>Last item</Button> : null}
          {itemCount && !all ? <Button onClick={onReview}>First item not done</Button> : null}
        </>
      }
    >
      <p data-testid="work-finished">
        {itemCount === 0
          ? "Editors add trajectories from the Trajectories list (select, then Add to queue)."
          : all
            ? "You have marked every item of this queue done. Thank you."
            : `${itemCount - myDone} items are not marked done by you yet.`}
      </p>
    </EmptyState>
  );
}
