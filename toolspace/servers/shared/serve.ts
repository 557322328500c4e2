// The bundled toolspace's servers are small MCP servers over stdio. Each declares its tools
// with zod input shapes and plain functions; this module registers them, turns a thrown error
// into an `isError` tool result (the agent sees the message and the episode goes on), and
// answers JSON as text. State lives in the process: a server starts fresh for each episode, so
// what one call changes, later calls of the same episode observe.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { z } from "zod";

export type ToolSpec<S extends z.ZodRawShape = z.ZodRawShape> = {
  name: string;
  description: string;
  input: S;
  run: (args: z.infer<z.ZodObject<S>>) => unknown | Promise<unknown>;
};

/** Keeps each tool's argument types while collecting specs of different shapes in one list. */
export const tool = <S extends z.ZodRawShape>(spec: ToolSpec<S>) => spec as unknown as ToolSpec;

/** A tool error the model should read: bad ids, missing rows, rule violations. */
export class ToolError extends Error {}

export function buildServer(name: string, version: string, tools: ToolSpec[]): McpServer {
  const server = new McpServer({ name, version });
  for (const t of tools)
    server.registerTool(t.name, { description: t.description, inputSchema: t.input }, async (args: unknown) => {
      try {
        const out = await t.run(args as never);
        return { content: [{ type: "text" as const, text: typeof out === "string" ? out : JSON.stringify(out) }] };
      } catch (e) {
        return { isError: true, content: [{ type: "text" as const, text: (e as Error).message }] };
      }
    });
  return server;
}

/** Serves over stdio when this file is the process's entry point. */
export async function serveStdio(name: string, version: string, tools: ToolSpec[]) {
  await buildServer(name, version, tools).connect(new StdioServerTransport());
}

/**
 * The toolspace's clock: fixed, so that a task has one right answer whenever it runs ("which
 * discount codes are valid today?", "what time is it in Tokyo?"). ATLAS_TOOLSPACE_NOW moves it.
 */
export const TOOLSPACE_NOW = "2026-11-25T09:00:00Z";
export const toolspaceNow = () => new Date(process.env.ATLAS_TOOLSPACE_NOW ?? TOOLSPACE_NOW);
export const toolspaceToday = () => toolspaceNow().toISOString().slice(0, 10);
