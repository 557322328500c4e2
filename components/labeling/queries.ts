"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import {
  itemDoneView,
  type LabelInput,
  type LabelView,
  labelList,
  labelSchemaList,
  labelView,
  queueDetail,
  queueItemList,
  queueItemsAdded,
  queueList,
} from "@/lib/labeling/schemas";
import { memberView } from "@/lib/projects/schemas";

// Under the project's key, so that anything invalidating the project refetches these too.
export const labelingKeys = {
  all: (p: string) => ["project", p, "labeling"] as const,
  schemas: (p: string, archived: string) => ["project", p, "labeling", "schemas", archived] as const,
  queues: (p: string) => ["project", p, "labeling", "queues"] as const,
  queue: (p: string, q: string) => ["project", p, "labeling", "queues", q] as const,
  items: (p: string, q: string) => ["project", p, "labeling", "queues", q, "items"] as const,
  labels: (p: string, t: string) => ["project", p, "labeling", "labels", t] as const,
};

export function useLabelSchemas(projectId: string, archived: "include" | "exclude" | "only" = "exclude") {
  return useQuery({
    queryKey: labelingKeys.schemas(projectId, archived),
    queryFn: ({ signal }) =>
      api(projectPath(projectId, `/label-schemas?archived=${archived}`), { signal }, labelSchemaList),
  });
}

export function useQueues(projectId: string) {
  return useQuery({
    queryKey: labelingKeys.queues(projectId),
    queryFn: ({ signal }) => api(projectPath(projectId, "/queues"), { signal }, queueList),
  });
}

export function useQueue(projectId: string, queueId: string) {
  return useQuery({
    queryKey: labelingKeys.queue(projectId, queueId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/queues/${queueId}`), { signal }, queueDetail),
  });
}

export function useQueueItems(projectId: string, queueId: string) {
  return useQuery({
    queryKey: labelingKeys.items(projectId, queueId),
    queryFn: ({ signal }) => api(projectPath(projectId, `/queues/${queueId}/items`), { signal }, queueItemList),
  });
}

export function useMembers(projectId: string, enabled = true) {
  return useQuery({
    queryKey: qk.members(projectId),
    enabled,
    queryFn: () => api(projectPath(projectId, "/members"), {}, z.object({ items: z.array(memberView) })),
  });
}

export const labelsPath = (projectId: string, trajectoryId: string) =>
  projectPath(projectId, `/trajectories/${trajectoryId}/labels`);

export function useTrajectoryLabels(projectId: string, trajectoryId: string | null) {
  return useQuery({
    queryKey: labelingKeys.labels(projectId, trajectoryId ?? ""),
    enabled: Boolean(trajectoryId),
    queryFn: ({ signal }) => api(labelsPath(projectId, trajectoryId as string), { signal }, labelList),
  });
}

type LabelCache = z.infer<typeof labelList>;
const sameSlot = (l: LabelView, schemaId: string, step: number | null, authorId: string) =>
  l.labelSchemaId === schemaId && (l.stepIndex ?? null) === step && l.authorId === authorId;

/**
 * Sets or clears my label. The list shows the change at once and goes back, with a toast from
 * the caller, when the API refuses it.
 */
export function useLabelMutations(projectId: string, me: { id: string; name: string; email: string } | undefined) {
  const qc = useQueryClient();
  const patchCache = async (trajectoryId: string, fn: (items: LabelView[]) => LabelView[]) => {
    const key = labelingKeys.labels(projectId, trajectoryId);
    await qc.cancelQueries({ queryKey: key });
    const prev = qc.getQueryData<LabelCache>(key);
    qc.setQueryData<LabelCache>(key, (d) => ({ items: fn(d?.items ?? []) }));
    return { key, prev };
  };
  const rollback = (ctx: { key: readonly unknown[]; prev: LabelCache | undefined } | undefined) => {
    if (ctx) qc.setQueryData(ctx.key, ctx.prev);
  };

  const set = useMutation({
    mutationFn: ({ trajectoryId, input }: { trajectoryId: string; input: LabelInput }) =>
      api(labelsPath(projectId, trajectoryId), { method: "PUT", body: input }, labelView),
    onMutate: ({ trajectoryId, input }) =>
      patchCache(trajectoryId, (items) => {
        const step = input.stepIndex ?? null;
        const now = new Date().toISOString();
        const old = me ? items.find((l) => sameSlot(l, input.labelSchemaId, step, me.id)) : undefined;
        const next: LabelView = {
          id: old?.id ?? `pending-${input.labelSchemaId}-${step}`,
          labelSchemaId: input.labelSchemaId,
          schemaName: old?.schemaName ?? "",
          trajectoryId,
          stepIndex: step,
          value: input.value,
          authorId: me?.id ?? null,
          authorName: me?.name ?? null,
          authorEmail: me?.email ?? null,
          createdAt: old?.createdAt ?? now,
          updatedAt: now,
        };
        return old ? items.map((l) => (l === old ? next : l)) : [...items, next];
      }),
    onError: (_e, _v, ctx) => rollback(ctx),
    onSuccess: (saved, { trajectoryId }) =>
      qc.setQueryData<LabelCache>(labelingKeys.labels(projectId, trajectoryId), (d) => ({
        items: (d?.items ?? []).map((l) =>
          sameSlot(l, saved.labelSchemaId, saved.stepIndex, saved.authorId ?? "") ? saved : l,
        ),
      })),
  });

  const remove = useMutation({
    mutationFn: ({ trajectoryId, labelId }: { trajectoryId: string; labelId: string }) =>
      api(`${labelsPath(projectId, trajectoryId)}/${labelId}`, { method: "DELETE" }),
    onMutate: ({ trajectoryId, labelId }) => patchCache(trajectoryId, (items) => items.filter((l) => l.id !== labelId)),
    onError: (_e, _v, ctx) => rollback(ctx),
  });
  return { set, remove };
}

/** Marks a queue item done by me (or takes the mark back), showing it at once. */
export function useItemDone(projectId: string, queueId: string, myId: string | undefined) {
  const qc = useQueryClient();
  const key = labelingKeys.items(projectId, queueId);
  return useMutation({
    mutationFn: ({ itemId, done }: { itemId: string; done: boolean }) =>
      api(
        projectPath(projectId, `/queues/${queueId}/items/${itemId}/done`),
        { method: done ? "PUT" : "DELETE" },
        itemDoneView,
      ),
    onMutate: async ({ itemId, done }) => {
      await qc.cancelQueries({ queryKey: key });
      const prev = qc.getQueryData<z.infer<typeof queueItemList>>(key);
      if (myId)
        qc.setQueryData<z.infer<typeof queueItemList>>(key, (d) =>
          d
            ? {
                items: d.items.map((i) =>
                  i.id !== itemId
                    ? i
                    : { ...i, doneBy: done ? [...new Set([...i.doneBy, myId])] : i.doneBy.filter((u) => u !== myId) },
                ),
              }
            : d,
        );
      return { prev };
    },
    onError: (_e, _v, ctx) => {
      if (ctx?.prev) qc.setQueryData(key, ctx.prev);
    },
    onSettled: () => {
      qc.invalidateQueries({ queryKey: labelingKeys.queue(projectId, queueId), exact: true });
      qc.invalidateQueries({ queryKey: labelingKeys.queues(projectId), exact: true });
    },
  });
}

export function useAddToQueue(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ queueId, trajectoryIds }: { queueId: string; trajectoryIds: string[] }) =>
      api(
        projectPath(projectId, `/queues/${queueId}/items`),
        { method: "POST", body: { trajectoryIds } },
        queueItemsAdded,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: labelingKeys.queues(projectId) }),
  });
}

export const exportHref = (
  projectId: string,
  format: "jsonl" | "csv",
  filter: { queueId?: string; labelSchemaId?: string } = {},
) => {
  const q = new URLSearchParams({ format });
  if (filter.queueId) q.set("queueId", filter.queueId);
  if (filter.labelSchemaId) q.set("labelSchemaId", filter.labelSchemaId);
  return projectPath(projectId, `/labels/export?${q}`);
};
