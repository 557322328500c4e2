import { index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
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

export type Toolspace = typeof toolspaces.$inferSelect;
export type McpServer = typeof mcpServers.$inferSelect;
export type Tool = typeof tools.$inferSelect;
