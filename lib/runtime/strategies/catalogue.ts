// The catalogue a loading strategy works over: servers with a one-line description, and tools
// with the names the model sees.
//
// Naming rule: every tool has a qualified name "server.tool". The name the model sees (tool
// definitions, search results, sandbox functions, trajectories) is the bare tool name when no
// other server has a tool of that name, and the qualified name when one does, for every holder
// alike, so that no server's tool takes the short name by the order of the catalogue.
// Arguments may always give the qualified name; a bare name shared by servers is ambiguous. A
// tool named like a meta-tool (load_tools, ...) is shown qualified too.
import { catalogueTools } from "../retrieval/catalogue";
import { summarize } from "../retrieval/summary";
import type { RetrievalTool } from "../retrieval/tool-index";
import { META_TOOLS } from "./meta-tools";

export type CatalogueServer = { name: string; description: string };
export type CatalogueTool = {
  /** the name the model sees and calls */
  name: string;
  /** the tool's own name on its server */
  toolName: string;
  server: string;
  qualifiedName: string;
  description: string;
  inputSchema: Record<string, unknown>;
};
export type StrategyCatalogue = { servers: CatalogueServer[]; tools: CatalogueTool[] };

export const qualifiedName = (server: string, tool: string) => `${server}.${tool}`;

/** Applies the naming rule to tools of known servers; a server without a description gets its tool list. */
export function buildCatalogue(
  tools: readonly RetrievalTool[],
  serverDescriptions: Readonly<Record<string, string>> = {},
): StrategyCatalogue {
  const holders = new Map<string, number>();
  for (const t of tools) holders.set(t.name, (holders.get(t.name) ?? 0) + 1);
  // a catalogue tool named like a meta-tool would be shadowed by it
  for (const meta of Object.keys(META_TOOLS)) if (holders.has(meta)) holders.set(meta, 2);
  const out: CatalogueTool[] = tools.map((t) => {
    const server = t.server ?? "";
    const qualified = qualifiedName(server, t.name);
    const schema = t.inputSchema && typeof t.inputSchema === "object" ? t.inputSchema : { type: "object" };
    return {
      name: (holders.get(t.name) ?? 0) > 1 ? qualified : t.name,
      toolName: t.name,
      server,
      qualifiedName: qualified,
      description: t.description ?? "",
      inputSchema: schema as Record<string, unknown>,
    };
  });
  const seen = new Set<string>();
  const shown = new Map<string, string>();
  for (const t of out) {
    if (shown.has(t.name)) throw new Error(`two tools are named ${t.name} on server ${t.server}`);
    shown.set(t.name, t.server);
  }
  const servers: CatalogueServer[] = [];
  for (const t of out) {
    if (seen.has(t.server)) continue;
    seen.add(t.server);
    const own = summarize(serverDescriptions[t.server] ?? "");
    const names = out.filter((x) => x.server === t.server).map((x) => x.toolName);
    const list = names.length > 4 ? `${names.slice(0, 4).join(", ")}, …` : names.join(", ");
    servers.push({ name: t.server, description: own || `${names.length} tools: ${list}` });
  }
  return { servers, tools: out };
}

type CatalogueEntry = Parameters<typeof catalogueTools>[0][number] & { description?: string | null };

/** From parsed LiveMCPBench entries (parseCatalogue): each server takes its entry's description. */
export function catalogueFromEntries(entries: readonly CatalogueEntry[]): StrategyCatalogue {
  const descriptions: Record<string, string> = {};
  for (const e of entries) for (const server of Object.keys(e.tools)) descriptions[server] = e.description ?? "";
  return buildCatalogue(catalogueTools(entries), descriptions);
}
