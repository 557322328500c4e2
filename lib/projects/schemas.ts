import { z } from "zod";
import { roleSchema } from "@/lib/access/roles";

export const projectInput = z.object({
  name: z.string().trim().min(1, "Give the project a name").max(100, "Keep the name under 100 characters"),
  description: z.string().trim().max(2000).optional(),
});
export const projectPatch = projectInput.partial();

export const projectView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  role: roleSchema.nullable(),
});
export type ProjectView = z.infer<typeof projectView>;

export const memberInput = z.object({
  email: z.string().trim().email("Give the member's email address, e.g. ada@lab.org"),
  role: roleSchema,
  name: z.string().trim().max(100).optional(),
});
export const memberPatch = z.object({ role: roleSchema });

export const memberView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof memberView>;

export const addedMember = memberView.extend({
  /** set only when the member was a new user: their first password, shown once */
  initialPassword: z.string().nullable(),
});

export const projectStats = z.object({
  toolspaces: z.number(),
  tools: z.number(),
  taskSets: z.number(),
  tasks: z.number(),
  rubrics: z.number(),
  trajectories: z.number(),
  runs: z.number(),
  jobs: z.number(),
  members: z.number(),
});
export type ProjectStats = z.infer<typeof projectStats>;
