// Every bundled server starts as the studio starts it and lists its tools: the offline
// toolspace is at least 8 servers of our own and 100 tools, with no name twice on one server,
// and the committed tools.snapshot.json is what they list now (else: npm run toolspace:snapshot).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { connectServer } from "@/lib/runtime/mcp/server/connect-server";
import { snapshotOf } from "@/lib/runtime/mcp/server/snapshot-tools";
import { bundledServers } from "./index";
import { bundledSnapshot } from "./snapshot";

it("starts every bundled server and lists a large toolspace", { timeout: 120_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "atlas-toolspace-"));
  const counts: Record<string, number> = {};
  try {
    for (const s of bundledServers) {
      const handle = await connectServer(s.config(dir), { name: s.name, timeoutMs: 30_000 });
      try {
        const tools = await handle.listTools();
        const names = tools.map((t) => t.name);
        expect(new Set(names).size, s.name).toBe(names.length);
        const committed = bundledSnapshot.find((c) => c.server === s.name);
        expect(committed, `${s.name} is missing from tools.snapshot.json: npm run toolspace:snapshot`).toBeDefined();
        expect(committed?.description, `${s.name} description`).toBe(s.description);
        expect(snapshotOf(tools).tools, `${s.name} tools changed: npm run toolspace:snapshot`).toEqual(
          committed?.tools,
        );
        counts[s.name] = names.length;
      } finally {
        await handle.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(bundledSnapshot.map((c) => c.server)).toEqual(bundledServers.map((s) => s.name));
  const ours = bundledServers.filter((s) => s.origin === "ours");
  expect(ours.length).toBeGreaterThanOrEqual(8);
  for (const s of ours) expect(counts[s.name], s.name).toBeGreaterThanOrEqual(11);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThanOrEqual(100);
  console.info(`[toolspace] ${bundledServers.length} servers, ${total} tools: ${JSON.stringify(counts)}`);
});
