// Roles and API-key scopes (ARCHITECTURE.md, Decisions: tenancy and access). Browser-safe.
import { z } from "zod";

export const roles = ["viewer", "labeler", "editor", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const scopes = ["read", "ingest", "judge", "run"] as const;
export const scopeSchema = z.enum(scopes);
export type Scope = z.infer<typeof scopeSchema>;

export const roleDescriptions: Record<Role, string> = {
  admin: "Members, API keys, settings, and everything an editor can do",
  editor: "Create and change toolspaces, tasks, rubrics, judges and policies; import; launch and cancel runs and jobs",
  labeler: "Read everything; write labels and work annotation queues",
  viewer: "Read only",
};

export const scopeDescriptions: Record<Scope, string> = {
  read: "Read the project's data",
  ingest: "Send trajectories and metrics",
  judge: "Call the reward API",
  run: "Launch and cancel jobs; report back from a training learner",
};

/** Each role includes the ones before it in `roles`. */
export const roleAtLeast = (have: Role, need: Role) => roles.indexOf(have) >= roles.indexOf(need);
