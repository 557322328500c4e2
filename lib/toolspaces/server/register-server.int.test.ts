import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mcpServers, toolSnapshots, tools as toolsTable } from "@/db/schema";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { type FixtureHttpServer, startHttpServer } from "@/lib/runtime/mcp/server/fixtures/http-server";
import { toolSchemaText } from "@/lib/trajectories/server/account-context";
import { loadTokenizer } from "@/lib/trajectories/server/tokenizers";
import { checkServer } from "./check-server";
import { createToolspace } from "./create-toolspace";
import { deleteServer } from "./delete-server";
import { diffSnapshots } from "./diff-snapshots";
import { episodeServersOf } from "./episode-servers";
import { listServers } from "./list-servers";
import { listSnapshots } from "./list-snapshots";
import { registerServer, ServerUnreachable } from "./register-server";

// real processes and sockets: a busy machine needs more than the default 5 s
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const { db } = connectTestDb();

const calculator = {
  transport: "stdio",
  command: "node",
  args: ["--import", "tsx", "toolspace/servers/calculator/server.ts"],
  env: {},
};

let http: FixtureHttpServer;
let dir: string;
beforeAll(async () => {
  http = await startHttpServer();
  dir = await mkdtemp(path.join(os.tmpdir(), "listed-tools-"));
});
afterAll(async () => {
  await http?.close();
  await rm(dir, { recursive: true, force: true });
});

async function space() {
  const { project } = await makeProject(db);
  const ts = await createToolspace({ db, projectId: project.id, input: { name: "office" } });
  return { projectId: project.id, toolspaceId: ts.id };
}

describe("registering MCP servers", () => {
  it("connects to a stdio server, keeps its tool list as version 1 and counts each schema in o200k tokens", async () => {
    const s = await space();
    const row = await registerServer({
      db,
      ...s,
      input: { name: "calculator", description: "Arithmetic", config: calculator },
    });
    expect(row).toMatchObject({
      name: "calculator",
      transport: "stdio",
      snapshotVersion: 1,
      health: { ok: true, error: null },
      connection: { transport: "stdio", command: "node", envKeys: [] },
    });
    expect(row.tools).toBeGreaterThan(5);
    const stored = await db.select().from(toolsTable).where(eq(toolsTable.serverId, row.id));
    expect(stored).toHaveLength(row.tools);
    const o200k = loadTokenizer("o200k_base");
    for (const t of stored)
      expect(t.schemaTokens).toBe(
        o200k.count(
          toolSchemaText({
            name: t.name,
            description: t.description,
            inputSchema: t.inputSchema as Record<string, unknown>,
          }),
        ),
      );
    expect(row.schemaTokens).toBe(stored.reduce((n, t) => n + (t.schemaTokens ?? 0), 0));
    const [snap] = await db.select().from(toolSnapshots).where(eq(toolSnapshots.serverId, row.id));
    expect(snap).toMatchObject({ version: 1, schemaTokens: row.schemaTokens });
    expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await listServers({ db, ...s }))[0]).toMatchObject({ name: "calculator", tools: row.tools });

    // the episode sees the same server and tools
    const [episodeServer] = await episodeServersOf(db, s.toolspaceId);
    expect(episodeServer.connection).toEqual({ ...calculator, transport: "stdio" });
    expect(episodeServer.tools.map((t) => t.name).sort()).toEqual(stored.map((t) => t.name).sort());
    expect(episodeServer.description).toBe("Arithmetic");
  });

  it("connects to a Streamable HTTP server and keeps header values out of views", async () => {
    const s = await space();
    const row = await registerServer({
      db,
      ...s,
      input: { name: "adder", config: { transport: "http", url: http.url, headers: { "x-token": "secret-1" } } },
    });
    expect(row).toMatchObject({
      tools: 3,
      connection: { transport: "http", url: http.url, headerNames: ["x-token"] },
    });
    expect(JSON.stringify(await listServers({ db, ...s }))).not.toContain("secret-1");
  });

  it("refuses an unreachable server with the reason and saves nothing", async () => {
    const s = await space();
    const dead = registerServer({
      db,
      ...s,
      input: { name: "dead", config: { transport: "http", url: "http://127.0.0.1:9/mcp" } },
    });
    await expect(dead).rejects.toBeInstanceOf(ServerUnreachable);
    await expect(dead).rejects.toThrow(/Could not reach dead: .+Nothing was saved/);
    const missing = registerServer({
      db,
      ...s,
      input: { name: "missing", config: { transport: "stdio", command: "node", args: ["no-such-server.mjs"] } },
    });
    await expect(missing).rejects.toThrow(/Could not reach missing/);
    expect(await db.select().from(mcpServers).where(eq(mcpServers.toolspaceId, s.toolspaceId))).toEqual([]);
  });

  it("names the field of a bad configuration, and refuses a name taken in the toolspace", async () => {
    const s = await space();
    await expect(
      registerServer({ db, ...s, input: { name: "x", config: { transport: "stdio", command: " " } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", field: "config.command" });
    await expect(
      registerServer({ db, ...s, input: { name: "x", config: { transport: "http", url: "ftp://a" } } }),
    ).rejects.toMatchObject({ field: "config.url" });
    await expect(registerServer({ db, ...s, input: { name: "bad name", config: calculator } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["name"] })],
    });
    await registerServer({ db, ...s, input: { name: "adder", config: { transport: "http", url: http.url } } });
    await expect(
      registerServer({ db, ...s, input: { name: "adder", config: { transport: "http", url: http.url } } }),
    ).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("adds a version on check only when the tool list changed, and tells what changed", async () => {
    const s = await space();
    const file = path.join(dir, "tools.json");
    const obj = (props: object) => ({ type: "object", properties: props });
    await writeFile(
      file,
      JSON.stringify([
        { name: "keep", description: "Stays", inputSchema: obj({ a: { type: "string" } }) },
        { name: "drop", description: "Goes away", inputSchema: obj({}) },
        { name: "edit", description: "Old words", inputSchema: obj({}) },
      ]),
    );
    const row = await registerServer({
      db,
      ...s,
      input: {
        name: "listed",
        config: {
          transport: "stdio",
          command: "node",
          args: ["lib/toolspaces/server/fixtures/listed-tools-server.mjs"],
          env: { TOOLS_FILE: file },
        },
      },
    });
    const args = { db, ...s, serverId: row.id };
    const same = await checkServer(args);
    expect(same).toMatchObject({ changed: false, health: { ok: true, tools: 3 }, server: { snapshotVersion: 1 } });

    await writeFile(
      file,
      JSON.stringify([
        { name: "keep", description: "Stays", inputSchema: obj({ a: { type: "string" } }) },
        { name: "edit", description: "New and longer words for the same tool", inputSchema: obj({}) },
        { name: "fresh", description: "Arrived", inputSchema: obj({ b: { type: "number" } }) },
      ]),
    );
    const changed = await checkServer(args);
    expect(changed).toMatchObject({ changed: true, server: { snapshotVersion: 2, tools: 3 } });
    expect((await checkServer(args)).changed).toBe(false);
    expect((await listSnapshots(args)).map((v) => [v.version, v.tools])).toEqual([
      [2, 3],
      [1, 3],
    ]);
    const diff = await diffSnapshots({ ...args, from: 1, to: 2 });
    expect(diff.added.map((t) => t.name)).toEqual(["fresh"]);
    expect(diff.removed.map((t) => t.name)).toEqual(["drop"]);
    expect(diff.changed).toEqual([expect.objectContaining({ name: "edit", description: true, inputSchema: false })]);
    expect(diff.changed[0].toTokens).toBeGreaterThan(diff.changed[0].fromTokens);
    expect(diff.unchanged).toBe(1);
    const current = await db.select().from(toolsTable).where(eq(toolsTable.serverId, row.id));
    expect(current.map((t) => t.name).sort()).toEqual(["edit", "fresh", "keep"]);

    // a server that stops answering is recorded as failed; its tools and versions stay
    await writeFile(file, "not json");
    const failed = await checkServer(args);
    expect(failed).toMatchObject({ changed: false, health: { ok: false }, server: { snapshotVersion: 2, tools: 3 } });
    expect(failed.health.error).toBeTruthy();
    expect(failed.server.checkedAt).not.toBeNull();

    await deleteServer(args);
    expect(await listServers({ db, ...s })).toEqual([]);
    await expect(checkServer(args)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
