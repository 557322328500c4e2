import { z } from "zod";

export const taskSetView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  source: z.string().nullable(),
  tasks: z.number(),
  createdAt: z.string(),
});

export const taskSorts = ["externalId", "-externalId", "createdAt", "-createdAt"] as const;
export const taskListQuery = z.object({
  taskSetId: z.string().uuid("taskSetId must be a UUID").optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(taskSorts).default("externalId"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const taskRow = z.object({
  id: z.string().uuid(),
  taskSetId: z.string().uuid(),
  taskSetName: z.string(),
  externalId: z.string(),
  /** the first 300 characters */
  prompt: z.string(),
  createdAt: z.string(),
});
export const taskList = z.object({ items: z.array(taskRow), total: z.number() });

export const taskDetail = taskRow.extend({
  /** expected answer, claims, gold actions: the shape depends on the benchmark it came from */
  reference: z.unknown(),
  metadata: z.unknown(),
});
export type TaskDetail = z.infer<typeof taskDetail>;
