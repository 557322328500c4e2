import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz } from "./columns";
import { projects } from "./projects";

export const serverTransport = pgEnum("server_transport", ["stdio", "http", "offline"]);

export const toolspaces = pgTable(
  "toolspaces",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source"),
    createdAt: createdAt(),
  },
  (t) => [index("toolspaces_project_idx").on(t.projectId)],
);

export const mcpServers = pgTable(
  "mcp_servers",
  {
    id: id(),
    toolspaceId: uuid("toolspace_id")
      .notNull()
      .references(() => toolspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    transport: serverTransport("transport").notNull(),
    // stdio: {command, args, env}; http: {url, headers}; offline: the catalogue entry it came from
    config: jsonb("config").notNull().default({}),
    createdAt: createdAt(),
    /** the server's one-line description: what ISL's server list shows */
    description: text("description").notNull().default(""),
    /** the newest snapshot of its tool list (tool_snapshots.version); null until connected */
    snapshotVersion: integer("snapshot_version"),
    /** the last health check: {ok, ms, tools, error, serverInfo} */
    health: jsonb("health"),
    checkedAt: tstz("checked_at"),
  },
  (t) => [unique("mcp_servers_name_uq").on(t.toolspaceId, t.name)],
);

export const tools = pgTable(
  "tools",
  {
    id: id(),
    toolspaceId: uuid("toolspace_id")
      .notNull()
      .references(() => toolspaces.id, { onDelete: "cascade" }),
    serverId: uuid("server_id")
      .notNull()
      .references(() => mcpServers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    inputSchema: jsonb("input_schema").notNull().default({}),
    schemaTokens: integer("schema_tokens"),
    createdAt: createdAt(),
  },
  (t) => [unique("tools_server_name_uq").on(t.serverId, t.name), index("tools_toolspace_idx").on(t.toolspaceId)],
);

// Every distinct tool list a server answered, kept per version: a run names the versions it used.
export const toolSnapshots = pgTable(
  "tool_snapshots",
  {
    id: id(),
    serverId: uuid("server_id")
      .notNull()
      .references(() => mcpServers.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** sha256 of the canonical tool list: an unchanged list adds no version */
    sha256: text("sha256").notNull(),
    /** [{name, description, inputSchema, schemaTokens}] */
    tools: jsonb("tools").notNull(),
    schemaTokens: integer("schema_tokens").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("tool_snapshots_version_uq").on(t.serverId, t.version)],
);

export type Toolspace = typeof toolspaces.$inferSelect;
export type McpServer = typeof mcpServers.$inferSelect;
export type Tool = typeof tools.$inferSelect;
export type ToolSnapshotRow = typeof toolSnapshots.$inferSelect;
