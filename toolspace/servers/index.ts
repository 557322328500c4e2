// The bundled offline toolspace: our own servers (real work on local data, one fixed clock)
// and the official reference servers from npm. Each entry starts as a stdio process; a server
// starts fresh for each episode, so an episode's state changes never leak into the next one.
import path from "node:path";
import type { StdioServerConfig } from "@/lib/runtime/mcp/schemas";

const root = path.resolve(import.meta.dirname, "../..");

export type BundledServer = {
  name: string;
  description: string;
  /** ours: written for this toolspace; npm: an official reference server */
  origin: "ours" | "npm";
  config: (stateDir: string) => StdioServerConfig;
};

const own = (name: string, description: string): BundledServer => ({
  name,
  description,
  origin: "ours",
  config: () => ({
    transport: "stdio",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "toolspace/servers", name, "server.ts")],
    env: {},
    cwd: root,
  }),
});

const official = (
  pkg: string,
  description: string,
  args: (stateDir: string) => string[],
  env: (stateDir: string) => Record<string, string> = () => ({}),
): BundledServer => ({
  name: pkg,
  description,
  origin: "npm",
  config: (stateDir) => ({
    transport: "stdio",
    command: process.execPath,
    args: [path.join(root, "node_modules/@modelcontextprotocol", `server-${pkg}`, "dist/index.js"), ...args(stateDir)],
    env: env(stateDir),
  }),
});

export const bundledServers: BundledServer[] = [
  own("calculator", "Arithmetic expressions, statistics, interest, unit and currency conversion, a memory register"),
  own("geo", "World cities and countries: distances, nearby places, local time, sun times, climate normals"),
  own("calendar", "A team calendar: events, attendees, free slots, availability and time zones"),
  own("tickets", "An issue tracker: tickets, statuses, assignees, comments, links and project summaries"),
  own("shop", "A product catalogue with stock, a cart, discount codes, orders and shipping estimates"),
  own("docs", "A document store of handbook, policies, FAQs and runbooks with ranked search and versions"),
  own("crm", "Contacts, companies, deals and activities with a sales pipeline"),
  own("tables", "A small SQL database of employees, departments, projects, timesheets and sales"),
  own("mail", "A mailbox: folders, threads, labels, drafts, sending and replies"),
  official("everything", "The MCP reference server that exercises every protocol feature", () => ["stdio"]),
  official("filesystem", "Files in the episode's own folder: read, write, edit, search", (dir) => [dir]),
  official(
    "memory",
    "A knowledge graph of entities, relations and observations",
    () => [],
    (dir) => ({ MEMORY_FILE_PATH: path.join(dir, "memory.jsonl") }),
  ),
];
