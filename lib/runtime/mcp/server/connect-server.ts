import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import {
  configIssues,
  type ServerConfig,
  type ServerConfigInput,
  type ServerHealth,
  serverConfig,
  type ToolCallResult,
  type ToolDefinition,
} from "../schemas";
import { contentText } from "./content-text";
import { GroupStdioTransport } from "./stdio-transport";

export const defaultTimeoutMs = 30_000;
const maxPages = 1000;

export type ConnectOptions = { name?: string; timeoutMs?: number };
export type CallOptions = { timeoutMs?: number; signal?: AbortSignal };

export type ServerHandle = {
  readonly name: string;
  /** The stdio server's process id (its process group id too); null over HTTP. */
  readonly pid: number | null;
  readonly connectMs: number;
  /** Why the handle no longer works (the server exited, the transport closed), else null. */
  readonly closedReason: () => string | null;
  listTools(opts?: CallOptions): Promise<ToolDefinition[]>;
  callTool(name: string, args: Record<string, unknown>, opts?: CallOptions): Promise<ToolCallResult>;
  health(opts?: CallOptions): Promise<ServerHealth>;
  close(): Promise<void>;
};

export class McpConnectError extends Error {}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

function defaultName(config: ServerConfig): string {
  if (config.transport === "http") return new URL(config.url).host;
  const script = config.args.find((a) => /\.(m?js|ts|py)$/.test(a));
  return script ?? config.command;
}

function exitText(t: GroupStdioTransport): string {
  const e = t.exit;
  const how = e?.signal ? `signal ${e.signal}` : `code ${e?.code ?? "unknown"}`;
  const last = t.lastStderrLine;
  return `exited (${how})${last ? `: ${last}` : ""}`;
}

function buildTransport(config: ServerConfig): Transport {
  if (config.transport === "stdio") return new GroupStdioTransport(config);
  return new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } });
}

/**
 * Connects to one MCP server. Failing to connect throws McpConnectError (the caller is setting up, not
 * in the middle of an episode); after that, nothing on the handle throws: a tool call that times out,
 * a server that dies or a broken connection become a failed result the agent can read.
 */
export async function connectServer(input: ServerConfigInput, opts: ConnectOptions = {}): Promise<ServerHandle> {
  const parsed = serverConfig.safeParse(input);
  if (!parsed.success) {
    throw new McpConnectError(configIssues(parsed.error).join("; "));
  }
  const config = parsed.data;
  const name = opts.name ?? defaultName(config);
  const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
  const transport = buildTransport(config);
  const stdio = transport instanceof GroupStdioTransport ? transport : null;
  const client = new Client({ name: "atlas-studio", version: "1" }, { capabilities: {} });

  let closed: string | null = null;
  let closing = false;
  client.onclose = () => {
    if (closing) closed ??= "closed";
    else closed ??= stdio?.exit ? `server ${name} ${exitText(stdio)}` : `server ${name} closed the connection`;
  };
  // Errors also surface on the pending request; keeping them here stops them from reaching the console.
  client.onerror = () => {};

  const started = performance.now();
  try {
    await client.connect(transport, { timeout: timeoutMs });
  } catch (error) {
    const reason = explain(error);
    await transport.close().catch(() => {});
    throw new McpConnectError(`could not connect: ${reason}`);
  }
  const connectMs = performance.now() - started;

  function explain(error: unknown, ms = timeoutMs, signal?: AbortSignal): string {
    if (stdio?.exit) return `server ${name} ${exitText(stdio)}`;
    // The SDK rejects an aborted request with the same RequestTimeout code as a timed-out one.
    if (signal?.aborted) return `call to server ${name} was cancelled`;
    if (error instanceof McpError && error.code === ErrorCode.RequestTimeout)
      return `server ${name} did not answer within ${seconds(ms)}`;
    if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed)
      return closed ?? `server ${name} closed the connection`;
    if (error instanceof Error && error.name === "AbortError") return `call to server ${name} was cancelled`;
    if (error instanceof McpError) return `server ${name} refused the request: ${error.message}`;
    const msg = error instanceof Error ? error.message : String(error);
    return `server ${name}: ${msg}`;
  }

  async function listTools(o: CallOptions = {}): Promise<ToolDefinition[]> {
    const tools: ToolDefinition[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const res = await client.listTools(cursor ? { cursor } : {}, {
        timeout: o.timeoutMs ?? timeoutMs,
        signal: o.signal,
      });
      for (const t of res.tools) {
        tools.push({ name: t.name, description: t.description ?? "", inputSchema: t.inputSchema });
      }
      cursor = res.nextCursor;
      if (!cursor) return tools;
    }
    throw new Error(`server ${name} returned more than ${maxPages} pages of tools`);
  }

  const handle: ServerHandle = {
    name,
    pid: stdio?.pid ?? null,
    connectMs,
    closedReason: () => closed,
    async listTools(o) {
      if (closed) throw new Error(closed);
      try {
        return await listTools(o);
      } catch (error) {
        throw new Error(explain(error, o?.timeoutMs ?? timeoutMs, o?.signal));
      }
    },
    async callTool(tool, args, o = {}) {
      const t0 = performance.now();
      const ms = () => Math.round((performance.now() - t0) * 10) / 10;
      if (closed) return { ok: false, error: closed, isError: true, ms: 0 };
      const limit = o.timeoutMs ?? timeoutMs;
      try {
        const res = await client.callTool({ name: tool, arguments: args }, undefined, {
          timeout: limit,
          signal: o.signal,
        });
        return {
          ok: true,
          content: contentText(res.content, res.structuredContent),
          isError: res.isError === true,
          ms: ms(),
        };
      } catch (error) {
        // The process may be reported gone a moment after the request failed on a broken pipe.
        if (stdio && !stdio.exit && !(error instanceof McpError)) await new Promise((r) => setTimeout(r, 50));
        return { ok: false, error: explain(error, limit, o.signal), isError: true, ms: ms() };
      }
    },
    async health(o = {}) {
      const t0 = performance.now();
      if (closed) return { ok: false, error: closed, ms: 0 };
      try {
        const tools = await listTools(o);
        return { ok: true, tools: tools.length, connectMs, listMs: performance.now() - t0 };
      } catch (error) {
        return { ok: false, error: explain(error, o.timeoutMs ?? timeoutMs, o.signal), ms: performance.now() - t0 };
      }
    },
    async close() {
      closing = true;
      if (transport instanceof StreamableHTTPClientTransport && !closed) {
        // Ends the server-side session so a long-lived server does not keep state for every episode.
        await Promise.race([transport.terminateSession().catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
      }
      await client.close().catch(() => {});
      await transport.close().catch(() => {});
      closed ??= "closed";
    },
  };
  return handle;
}

/** Connects, lists every tool and closes: the latency a toolspace screen can show next to a server. */
export async function checkServer(input: ServerConfigInput, opts: ConnectOptions = {}): Promise<ServerHealth> {
  const t0 = performance.now();
  let handle: ServerHandle | null = null;
  try {
    handle = await connectServer(input, opts);
    return await handle.health({ timeoutMs: opts.timeoutMs });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), ms: performance.now() - t0 };
  } finally {
    await handle?.close();
  }
}
