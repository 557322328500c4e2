import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkServer, connectServer, McpConnectError, type ServerHandle } from "./connect-server";
import { type FixtureHttpServer, startHttpServer } from "./fixtures/http-server";
import { p50 } from "./fixtures/processes";
import { snapshotTools } from "./snapshot-tools";

// Real sockets and a fresh McpServer per request: on a busy CI machine the defaults are too tight.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });

describe("Streamable HTTP server", () => {
  let server: FixtureHttpServer;
  let handle: ServerHandle;
  beforeAll(async () => {
    server = await startHttpServer();
    const t0 = performance.now();
    handle = await connectServer({ transport: "http", url: server.url }, { name: "adder" });
    const tools = await handle.listTools();
    console.info(
      `[mcp] http fixture: connect ${handle.connectMs.toFixed(0)} ms, connect+list ${(performance.now() - t0).toFixed(0)} ms, ${tools.length} tools`,
    );
  });
  afterAll(async () => {
    await handle?.close();
    await server?.close();
  });

  it("lists tools and adds numbers; p50 over 50 calls", async () => {
    expect((await handle.listTools()).map((t) => t.name).sort()).toEqual(["add", "picture", "sleep"]);
    const ms: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await handle.callTool("add", { a: i, b: 0.5 });
      expect(r).toEqual({ ok: true, content: String(i + 0.5), isError: false, ms: r.ms });
      ms.push(r.ms);
    }
    console.info(`[mcp] http fixture add: p50 ${p50(ms).toFixed(2)} ms over 50 calls`);
  });

  it("returns invalid arguments as isError", async () => {
    const r = await handle.callTool("add", { a: "one", b: 2 });
    expect(r).toMatchObject({ ok: true, isError: true });
  });

  it("describes non-text parts instead of passing base64 to the model", async () => {
    const r = await handle.callTool("picture", {});
    expect(r.ok && r.content).toBe("a dot:\n[image: image/png, 10 bytes]");
  });

  it("turns a hung call into a timeout result, and the same handle answers the next call", async () => {
    const r = await handle.callTool("sleep", { ms: 10_000 }, { timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, isError: true, error: "server adder did not answer within 0.3 s" });
    expect(r.ms).toBeGreaterThanOrEqual(290);
    expect(r.ms).toBeLessThan(2000);
    const next = await handle.callTool("add", { a: 1, b: 2 });
    expect(next).toMatchObject({ ok: true, content: "3" });
  });

  it("stops a call when the caller aborts it", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const r = await handle.callTool("sleep", { ms: 10_000 }, { signal: ac.signal });
    expect(r).toMatchObject({ ok: false, isError: true, error: "call to server adder was cancelled" });
    expect(r.ms).toBeLessThan(2000);
    const next = await handle.callTool("add", { a: 2, b: 2 });
    expect(next).toMatchObject({ ok: true, content: "4" });
  });

  it("snapshots a stable catalogue", async () => {
    const a = await snapshotTools(handle);
    const b = await snapshotTools(handle);
    expect(a.json).toBe(b.json);
    expect(a.sha256).toBe(b.sha256);
  });
});

describe("HTTP edge cases", () => {
  it("follows every page of a paged tool list", async () => {
    const server = await startHttpServer({ pageSize: 10 });
    const handle = await connectServer({ transport: "http", url: server.url });
    try {
      const tools = await handle.listTools();
      expect(tools).toHaveLength(25);
      expect(tools.at(-1)?.name).toBe("bulk_24");
      expect(server.listPages()).toBe(3);
    } finally {
      await handle.close();
      await server.close();
    }
  });

  it("sends configured headers, and a refused connection is a connect error naming the server", async () => {
    const server = await startHttpServer({ token: "s3cret" });
    try {
      await expect(connectServer({ transport: "http", url: server.url }, { name: "locked" })).rejects.toThrow(
        McpConnectError,
      );
      await expect(connectServer({ transport: "http", url: server.url }, { name: "locked" })).rejects.toThrow(/locked/);
      const health = await checkServer({
        transport: "http",
        url: server.url,
        headers: { Authorization: "Bearer s3cret" },
      });
      expect(health).toMatchObject({ ok: true, tools: 3 });
    } finally {
      await server.close();
    }
  });

  it("turns a server that went away into a failed result, not an exception", async () => {
    const server = await startHttpServer();
    const handle = await connectServer({ transport: "http", url: server.url }, { name: "gone" });
    await server.close();
    const r = await handle.callTool("add", { a: 1, b: 2 }, { timeoutMs: 2000 });
    expect(r).toMatchObject({ ok: false, isError: true });
    expect(!r.ok && r.error).toMatch(/^server gone/);
    expect((await handle.health({ timeoutMs: 2000 })).ok).toBe(false);
    await handle.close();
  });

  it("rejects a bad config naming the field", async () => {
    await expect(connectServer({ transport: "http", url: "ftp://x" })).rejects.toThrow(/^url: url must be an http/);
  });
});
