// Test code: starts a bundled server as the studio will (a node process over stdio) and calls
// its tools through the MCP SDK client.
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export type Called = { isError: boolean; text: string; json: unknown };

export async function startServer(entry: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", "tsx", path.resolve(entry)],
    stderr: "pipe",
  });
  const client = new Client({ name: "atlas-test", version: "1" });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<Called> => {
    const r = (await client.callTool({ name, arguments: args })) as {
      isError?: boolean;
      content: { type: string; text?: string }[];
    };
    const text = r.content.map((c) => c.text ?? "").join("");
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { isError: !!r.isError, text, json };
  };
  return { client, call, close: () => client.close() };
}
