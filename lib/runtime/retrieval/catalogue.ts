// Tool documents from a catalogue in the LiveMCPBench format, as `parseCatalogue` reads it: one
// per tool name and server, the last definition winning, as the importer stores them.
import type { RetrievalTool } from "./tool-index";

type CatalogueEntry = {
  tools: Record<string, { tools: { name: string; description?: string | null; inputSchema?: unknown }[] }>;
};

export function catalogueTools(entries: readonly CatalogueEntry[]): RetrievalTool[] {
  const out: RetrievalTool[] = [];
  for (const entry of entries)
    for (const [server, { tools }] of Object.entries(entry.tools)) {
      const unique = new Map(tools.map((t) => [t.name, t]));
      for (const t of unique.values())
        out.push({ name: t.name, server, description: t.description ?? "", inputSchema: t.inputSchema });
    }
  return out;
}
