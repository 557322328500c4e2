import { describe, expect, it, vi } from "vitest";
import { connectServer, McpConnectError } from "./connect-server";
import { fixtureStdioServer, isAlive, processesWith } from "./fixtures/processes";

// Real server processes: starting one takes about half a second alone and several on a busy CI machine.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 });

const fixture = (...extra: string[]) => ({
  transport: "stdio" as const,
  command: process.execPath,
  args: [fixtureStdioServer, ...extra],
});

async function waitGone(pid: number, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !isAlive(pid);
}

describe("stdio server lifecycle", () => {
  it("turns a crash into a tool error, keeps answering with it, and a new connection works", async () => {
    const handle = await connectServer(fixture(), { name: "fragile" });
    const pid = handle.pid!;
    expect(isAlive(pid)).toBe(true);
    const r = await handle.callTool("crash", { code: 1 });
    expect(r).toMatchObject({ ok: false, isError: true });
    expect(!r.ok && r.error).toBe("server fragile exited (code 1): fixture: crashing on request");
    expect(handle.closedReason()).toMatch(/^server fragile exited \(code 1\)/);
    const after = await handle.callTool("add", { a: 1, b: 2 });
    expect(after).toMatchObject({ ok: false, error: r.ok ? "" : r.error, ms: 0 });
    expect((await handle.health()).ok).toBe(false);
    await expect(handle.listTools()).rejects.toThrow(/exited \(code 1\)/);
    await handle.close();
    expect(isAlive(pid)).toBe(false);

    const again = await connectServer(fixture(), { name: "fragile" });
    expect(await again.callTool("add", { a: 2, b: 3 })).toMatchObject({ ok: true, content: "5" });
    await again.close();
  });

  it("times out a hung call and the same process answers the next one", async () => {
    const handle = await connectServer(fixture(), { name: "slow" });
    try {
      const r = await handle.callTool("sleep", { ms: 5000 }, { timeoutMs: 250 });
      expect(r).toMatchObject({ ok: false, error: "server slow did not answer within 0.25 s" });
      const next = await handle.callTool("add", { a: 20, b: 22 });
      expect(next).toMatchObject({ ok: true, content: "42" });
      expect(isAlive(handle.pid!)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("close leaves no process behind, including ones the server started", async () => {
    const handle = await connectServer(fixture(), { name: "parent" });
    const r = await handle.callTool("spawn_child", {});
    const child = Number(r.ok && r.content);
    expect(child).toBeGreaterThan(0);
    expect(isAlive(child)).toBe(true);
    await handle.close();
    expect(isAlive(handle.pid!)).toBe(false);
    expect(await waitGone(child)).toBe(true);
  });

  it("close kills a server that ignores the end of stdin and SIGTERM", async () => {
    const handle = await connectServer(fixture("--stubborn"), { name: "stubborn" });
    const t0 = performance.now();
    await handle.close();
    expect(isAlive(handle.pid!)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("a command that cannot start is a connect error naming the server", async () => {
    const attempt = connectServer({ transport: "stdio", command: "/nonexistent/mcp-server" }, { name: "missing" });
    await expect(attempt).rejects.toThrow(McpConnectError);
    await expect(
      connectServer({ transport: "stdio", command: "/nonexistent/mcp-server" }, { name: "missing" }),
    ).rejects.toThrow(/missing.*ENOENT/);
  });

  it("a server that exits before answering is a connect error with its exit code", async () => {
    const attempt = connectServer(
      { transport: "stdio", command: process.execPath, args: ["-e", "console.error('no config'); process.exit(3)"] },
      { name: "broken" },
    );
    await expect(attempt).rejects.toThrow("could not connect: server broken exited (code 3): no config");
  });

  it("a server that never answers the handshake is a connect timeout, and its process is gone", async () => {
    const marker = `mute-${process.pid}-${Date.now()}`;
    const attempt = connectServer(
      { transport: "stdio", command: process.execPath, args: ["-e", "setInterval(() => {}, 1000)", marker] },
      { name: "mute", timeoutMs: 300 },
    );
    await expect(attempt).rejects.toThrow("could not connect: server mute did not answer within 0.3 s");
    expect(processesWith(marker)).toEqual([]);
  });
});
