"use client";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { roleSchema } from "@/lib/access/roles";
import { api } from "./client";
import { qk } from "./query-keys";

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  projects: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});
export type Me = z.infer<typeof meSchema>;

export const useMe = () => useQuery({ queryKey: qk.me, queryFn: () => api("/api/v1/me", {}, meSchema) });
