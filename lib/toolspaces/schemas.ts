import { z } from "zod";

/** The tokenizer tool schemas are counted with at import (the column does not name it). */
export const SCHEMA_TOKENIZER = "o200k_base";

export const toolspaceView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  description: z.string(),
  source: z.string().nullable(),
  servers: z.number(),
  tools: z.number(),
  // summed over the tools; null while any tool was imported before schemas were counted
  schemaTokens: z.number().nullable(),
  createdAt: z.string(),
});

export const toolSorts = ["name", "-name", "server", "-server"] as const;
export const toolListQuery = z.object({
  q: z.string().max(200).optional(),
  server: z.string().max(200).optional(),
  sort: z.enum(toolSorts).default("server"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const toolRow = z.object({
  id: z.string().uuid(),
  name: z.string(),
  server: z.string(),
  description: z.string(),
  schemaTokens: z.number().nullable(),
});
export const toolList = z.object({ items: z.array(toolRow), total: z.number() });

export const serverRow = z.object({
  id: z.string().uuid(),
  name: z.string(),
  transport: z.enum(["stdio", "http", "offline"]),
  tools: z.number(),
  schemaTokens: z.number().nullable(),
});
export const serverList = z.object({ items: z.array(serverRow) });
