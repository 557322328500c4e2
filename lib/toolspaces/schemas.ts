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

/** The last health check of a server: connect + list tools, or why that failed. */
export const serverHealthView = z.object({
  ok: z.boolean(),
  /** connect and list, in milliseconds */
  ms: z.number(),
  tools: z.number().nullable(),
  error: z.string().nullable(),
});
export type ServerHealthView = z.infer<typeof serverHealthView>;

/**
 * How a server is started, without secrets: env values and header values can hold tokens, so a view
 * names their keys only.
 */
export const serverConnectionView = z.discriminatedUnion("transport", [
  z.object({
    transport: z.literal("stdio"),
    command: z.string(),
    args: z.array(z.string()),
    cwd: z.string().nullable(),
    envKeys: z.array(z.string()),
  }),
  z.object({ transport: z.literal("http"), url: z.string(), headerNames: z.array(z.string()) }),
  z.object({ transport: z.literal("offline"), catalogueEntry: z.string().nullable() }),
]);

export const serverRow = z.object({
  id: z.string().uuid(),
  name: z.string(),
  transport: z.enum(["stdio", "http", "offline"]),
  description: z.string(),
  tools: z.number(),
  schemaTokens: z.number().nullable(),
  connection: serverConnectionView,
  /** the newest tool-list version; null for offline servers */
  snapshotVersion: z.number().nullable(),
  health: serverHealthView.nullable(),
  checkedAt: z.string().nullable(),
});
export type ServerRow = z.infer<typeof serverRow>;
export const serverList = z.object({ items: z.array(serverRow) });

const nameRule = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const toolspaceInput = z.object({
  name: z
    .string({ error: "name is required, e.g. 'office tools'" })
    .trim()
    .min(1, "give the toolspace a name, e.g. 'office tools'")
    .max(100, "at most 100 characters"),
  description: z.string().trim().max(1000, "at most 1000 characters").default(""),
});
export type ToolspaceInput = z.input<typeof toolspaceInput>;

/** Registering a server: a name the agent sees, a one-line description, and how to start it. */
export const serverInput = z.object({
  name: z
    .string({ error: "name is required: how the agent sees the server, e.g. calculator" })
    .trim()
    .min(1, "give the server a name, e.g. calculator")
    .max(64, "at most 64 characters")
    .regex(nameRule, "name: letters, digits, - and _, starting with a letter or digit (tools are called name.tool)"),
  description: z.string().trim().max(500, "at most 500 characters").default(""),
  // checked with lib/runtime/mcp/schemas.ts serverConfig by the server, which names the field
  config: z.record(z.string(), z.unknown(), {
    error: "config is required: {transport, command, args, env} or {transport, url, headers}",
  }),
});
export type ServerInput = z.input<typeof serverInput>;

export const checkResult = z.object({
  server: serverRow,
  health: serverHealthView,
  /** a new snapshot version was added because the tool list changed */
  changed: z.boolean(),
});
export type CheckResult = z.infer<typeof checkResult>;

export const snapshotView = z.object({
  version: z.number(),
  sha256: z.string(),
  tools: z.number(),
  schemaTokens: z.number(),
  createdAt: z.string(),
});
export const snapshotList = z.object({ items: z.array(snapshotView) });

export const snapshotDiffQuery = z.object({
  from: z.coerce
    .number({ error: "from is a version number" })
    .int("from is a version number")
    .min(1, "versions start at 1"),
  to: z.coerce.number({ error: "to is a version number" }).int("to is a version number").min(1, "versions start at 1"),
});

const toolBrief = z.object({ name: z.string(), schemaTokens: z.number() });
export const snapshotDiff = z.object({
  from: z.number(),
  to: z.number(),
  added: z.array(toolBrief),
  removed: z.array(toolBrief),
  /** tools in both whose description or input schema differ */
  changed: z.array(
    z.object({
      name: z.string(),
      description: z.boolean(),
      inputSchema: z.boolean(),
      fromTokens: z.number(),
      toTokens: z.number(),
    }),
  ),
  unchanged: z.number(),
});
export type SnapshotDiff = z.infer<typeof snapshotDiff>;
