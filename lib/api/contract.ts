// A route contract: method, path, who may call it, and zod schemas in and out.
// The list of contracts is the permission matrix and the source of the OpenAPI document.
import type { z } from "zod";
import { type Role, roles, type Scope } from "@/lib/access/roles";

export type Access =
  | { kind: "public" }
  /** any signed-in user (no project in the path); API keys are refused */
  | { kind: "user" }
  /** a project in the path: members need `role`, API keys of that project need `scope`; null refuses that kind of caller */
  | { kind: "project"; role: Role | null; scope: Scope | null }
  /** the short-form machine routes (`POST /api/v1/trajectories`): API keys with `scope`, on the key's own project */
  | { kind: "key"; scope: Scope };

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Contract = {
  method: Method;
  /** OpenAPI style: /api/v1/projects/{projectId}/jobs */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** bytes; bodies past it get 413 */
  bodyLimit?: number;
  /** a body that is not JSON (a file upload), streamed by the handler itself */
  rawBody?: "application/octet-stream";
  /** a zod schema for JSON responses; a string names another content type (streams, downloads) */
  response: z.ZodType | "text/event-stream" | "application/octet-stream";
  status?: 200 | 201 | 202;
};

export const KB = 1024;
export const MB = 1024 * KB;
export const DEFAULT_BODY_LIMIT = 1 * MB;

export const defineContract = <C extends Contract>(c: C) => c;

export const roleRank = (r: Role) => roles.indexOf(r);
