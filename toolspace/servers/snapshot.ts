// The bundled toolspace's tools as its servers list them, and the committed copy of that list
// (tools.snapshot.json) that seeding and retrieval benchmarks read without starting 12 processes.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectServer } from "@/lib/runtime/mcp/server/connect-server";
import { snapshotOf } from "@/lib/runtime/mcp/server/snapshot-tools";
import type { ToolDefinition } from "@/lib/runtime/strategies/meta-tools";
import { bundledServers } from "./index";
import snapshot from "./tools.snapshot.json" with { type: "json" };

export type ServerSnapshot = { server: string; description: string; tools: ToolDefinition[] };

export const SNAPSHOT_PATH = path.join(import.meta.dirname, "tools.snapshot.json");

/** The committed snapshot, in registry order; tools sorted by name with canonical key order. */
export const bundledSnapshot = snapshot as ServerSnapshot[];

/** Starts every bundled server (in parallel, each as the studio starts it) and lists its tools. */
export async function listBundledTools(): Promise<ServerSnapshot[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "atlas-snapshot-"));
  try {
    return await Promise.all(
      bundledServers.map(async (s) => {
        const handle = await connectServer(s.config(dir), { name: s.name, timeoutMs: 60_000 });
        try {
          return { server: s.name, description: s.description, tools: snapshotOf(await handle.listTools()).tools };
        } finally {
          await handle.close();
        }
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
