// Connects to a server the way an episode will, lists its tools and hangs up: what registering and
// "Check" both need. `${EPISODE_DIR}` in args and env is an episode's own folder; a check gets a
// fresh empty one that is removed afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ServerConfig, ToolDefinition } from "@/lib/runtime/mcp/schemas";
import { connectServer, type ServerHandle } from "@/lib/runtime/mcp/server/connect-server";
import { snapshotTools, type ToolSnapshot } from "@/lib/runtime/mcp/server/snapshot-tools";

export const CHECK_TIMEOUT_MS = 20_000;

export type CheckOutcome =
  | { ok: true; ms: number; tools: ToolDefinition[]; snapshot: ToolSnapshot }
  | { ok: false; ms: number; error: string };

const EPISODE_DIR = /\$\{EPISODE_DIR\}/g;

function withDir(config: ServerConfig, dir: string): ServerConfig {
  if (config.transport !== "stdio") return config;
  return {
    ...config,
    args: config.args.map((a) => a.replace(EPISODE_DIR, dir)),
    env: Object.fromEntries(Object.entries(config.env).map(([k, v]) => [k, v.replace(EPISODE_DIR, dir)])),
  };
}

export async function checkConnection(
  config: ServerConfig,
  name: string,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckOutcome> {
  const t0 = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "atlas-check-"));
  let handle: ServerHandle | null = null;
  try {
    handle = await connectServer(withDir(config, dir), { name, timeoutMs });
    const tools = await handle.listTools({ timeoutMs });
    const snapshot = await snapshotTools({ listTools: async () => tools });
    return { ok: true, ms: performance.now() - t0, tools, snapshot };
  } catch (e) {
    return { ok: false, ms: performance.now() - t0, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
