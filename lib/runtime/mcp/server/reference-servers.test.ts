import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectServer, type ServerHandle } from "./connect-server";
import { isAlive, p50, serverPath } from "./fixtures/processes";
import { snapshotTools } from "./snapshot-tools";

// Real server processes: starting one takes about half a second alone and several on a busy CI machine.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });

// The official reference servers, started from node_modules over stdio, as a toolspace would start them.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atlas-mcp-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function timedConnect(name: string, args: string[], env: Record<string, string> = {}) {
  const t0 = performance.now();
  const handle = await connectServer({ transport: "stdio", command: process.execPath, args, env }, { name });
  const tools = await handle.listTools();
  console.info(
    `[mcp] ${name}: connect ${handle.connectMs.toFixed(0)} ms, connect+list ${(performance.now() - t0).toFixed(0)} ms, ${tools.length} tools`,
  );
  return { handle, tools };
}

describe("server-everything over stdio", () => {
  let handle: ServerHandle;
  let names: string[];
  beforeAll(async () => {
    const c = await timedConnect("everything", [serverPath("everything"), "stdio"]);
    handle = c.handle;
    names = c.tools.map((t) => t.name);
  });
  afterAll(() => handle?.close());

  it("lists its tools with descriptions and JSON schemas", () => {
    expect(names).toContain("echo");
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it("answers calls and reports latency; p50 over 50 calls", async () => {
    const ms: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await handle.callTool("echo", { message: `hi ${i}` });
      expect(r).toMatchObject({ ok: true, isError: false });
      if (r.ok) expect(r.content).toContain(`hi ${i}`);
      ms.push(r.ms);
    }
    console.info(`[mcp] everything echo: p50 ${p50(ms).toFixed(2)} ms over 50 calls`);
  });

  it("returns invalid arguments as a tool error, not a thrown exception", async () => {
    const r = await handle.callTool("echo", { message: 42 });
    expect(r).toMatchObject({ ok: true, isError: true });
    expect(r.ok && r.content).toMatch(/message/);
  });

  it("returns an unknown tool as a failed result", async () => {
    const r = await handle.callTool("no_such_tool", {});
    expect(r).toMatchObject({ ok: true, isError: true });
    expect(r.ok && r.content).toMatch(/no_such_tool not found/);
  });

  it("gives the same sorted snapshot and hash on a fresh connection", async () => {
    const a = await snapshotTools(handle);
    const other = await connectServer({
      transport: "stdio",
      command: process.execPath,
      args: [serverPath("everything"), "stdio"],
    });
    const b = await snapshotTools(other);
    await other.close();
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(a.tools.map((t) => t.name)).toEqual([...a.tools.map((t) => t.name)].sort());
  });

  it("reports health with latencies", async () => {
    const h = await handle.health();
    expect(h).toMatchObject({ ok: true, tools: names.length });
  });
});

describe("server-memory over stdio", () => {
  it("keeps state between calls on one connection", async () => {
    const { handle } = await timedConnect("memory", [serverPath("memory")], {
      MEMORY_FILE_PATH: path.join(dir, "memory.jsonl"),
    });
    try {
      const created = await handle.callTool("create_entities", {
        entities: [{ name: "Ada", entityType: "person", observations: ["wrote the first program"] }],
      });
      expect(created).toMatchObject({ ok: true, isError: false });
      const read = await handle.callTool("open_nodes", { names: ["Ada"] });
      expect(read.ok && read.content).toContain("wrote the first program");
    } finally {
      await handle.close();
    }
    expect(isAlive(handle.pid!)).toBe(false);
  });
});

describe("server-filesystem over stdio", () => {
  it("writes and reads inside its directory and refuses paths outside it", async () => {
    const { handle, tools } = await timedConnect("filesystem", [serverPath("filesystem"), dir]);
    try {
      expect(tools.map((t) => t.name)).toContain("read_text_file");
      const file = path.join(dir, "note.txt");
      const w = await handle.callTool("write_file", { path: file, content: "hello from the test" });
      expect(w).toMatchObject({ ok: true, isError: false });
      const r = await handle.callTool("read_text_file", { path: file });
      expect(r.ok && r.content).toBe("hello from the test");
      const outside = await handle.callTool("read_text_file", { path: "/etc/hostname" });
      expect(outside.isError).toBe(true);
    } finally {
      await handle.close();
    }
    expect(isAlive(handle.pid!)).toBe(false);
  });
});
