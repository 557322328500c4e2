// The meta-tools each loading strategy adds to the context, as tool definitions (the shape
// trajectories store and count: name, description, JSON-schema inputSchema).
import type { Strategy } from "./prompts";

export type ToolDefinition = { name: string; description: string; inputSchema: Record<string, unknown> };

export const DEFAULT_K = 5;
export const MAX_K = 20;
/** A load_tools or unload_tools call names at most this many tools. */
export const MAX_NAMES = 20;

const namesParam = (what: string) => ({
  type: "array",
  items: { type: "string" },
  minItems: 1,
  maxItems: MAX_NAMES,
  description: `Tool names as search_tools shows them ("server.tool" where shown so). ${what}`,
});

export const META_TOOLS = {
  load_server: {
    name: "load_server",
    description: "Load all tools of one server into your context so that you can call them.",
    inputSchema: {
      type: "object",
      properties: { name: { type: "string", description: "Server name exactly as listed in the system prompt." } },
      required: ["name"],
      additionalProperties: false,
    },
  },
  search_tools: {
    name: "search_tools",
    description: "Search the tool catalogue by what a tool does; returns tool names with one-line descriptions.",
    inputSchema: {
      type: "object",
      properties: {
        query: { type: "string", description: "Words describing the action or data you need." },
        k: { type: "integer", minimum: 1, maximum: MAX_K, description: `Number of results (default ${DEFAULT_K}).` },
      },
      required: ["query"],
      additionalProperties: false,
    },
  },
  load_tools: {
    name: "load_tools",
    description: "Load tools into your context by name so that you can call them.",
    inputSchema: {
      type: "object",
      properties: { names: namesParam("Tools to load.") },
      required: ["names"],
      additionalProperties: false,
    },
  },
  unload_tools: {
    name: "unload_tools",
    description: "Remove loaded tools from your context when you no longer need them.",
    inputSchema: {
      type: "object",
      properties: { names: namesParam("Loaded tools to remove.") },
      required: ["names"],
      additionalProperties: false,
    },
  },
  run_program: {
    name: "run_program",
    description:
      "Run JavaScript (the body of an async function) in a sandbox where every loaded tool is an async function; returns console output and the returned value.",
    inputSchema: {
      type: "object",
      properties: {
        code: {
          type: "string",
          description: 'Program body, e.g. const w = await tools["get_weather"]({city: "Oslo"}); return w;',
        },
      },
      required: ["code"],
      additionalProperties: false,
    },
  },
} satisfies Record<string, ToolDefinition>;

export type MetaToolName = keyof typeof META_TOOLS;

export const STRATEGY_META_TOOLS: Record<Strategy, readonly MetaToolName[]> = {
  eager: [],
  isl: ["load_server"],
  itl: ["search_tools", "load_tools", "unload_tools"],
  "itl-ptc": ["search_tools", "load_tools", "unload_tools", "run_program"],
};

/** The OpenAI chat-completions form of a tool definition. */
export function openAiTool(t: ToolDefinition) {
  return {
    type: "function" as const,
    function: { name: t.name, description: t.description, parameters: t.inputSchema },
  };
}
