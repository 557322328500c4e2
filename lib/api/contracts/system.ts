import { z } from "zod";
import { roleSchema } from "@/lib/access/roles";
import { defineContract } from "../contract";

export const health = defineContract({
  method: "GET",
  path: "/api/v1/health",
  summary: "Liveness and database reachability",
  tag: "system",
  access: { kind: "public" },
  response: z.object({ ok: z.boolean(), database: z.boolean(), version: z.string() }),
});

export const openapi = defineContract({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document",
  tag: "system",
  access: { kind: "public" },
  response: z.record(z.string(), z.unknown()),
});

export const me = defineContract({
  method: "GET",
  path: "/api/v1/me",
  summary: "Who is calling: a signed-in user with their projects, or an API key with its project and scopes",
  tag: "system",
  access: { kind: "user" },
  response: z.object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    projects: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
  }),
});
