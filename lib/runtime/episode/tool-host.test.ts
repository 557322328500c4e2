import path from "node:path";
import { expect, it } from "vitest";
import { EPISODE_DIR_VAR, resolveConnection } from "./tool-host";

it("puts the episode folder in for the EPISODE_DIR placeholder and makes relative paths that exist absolute", () => {
  const cwd = path.resolve(import.meta.dirname, "../../..");
  const r = resolveConnection(
    {
      transport: "stdio",
      command: "node",
      args: [
        "--import",
        "tsx",
        "toolspace/servers/geo/server.ts",
        "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js",
        EPISODE_DIR_VAR,
        `--root=${EPISODE_DIR_VAR}/x`,
        "no/such/file.ts",
        "http://example.test/a",
      ],
      env: { MEMORY_FILE_PATH: `${EPISODE_DIR_VAR}/memory.jsonl`, OTHER: "a/b" },
    },
    "/tmp/ep-1",
    cwd,
  );
  expect(r).toEqual({
    transport: "stdio",
    command: "node",
    args: [
      "--import",
      "tsx",
      path.join(cwd, "toolspace/servers/geo/server.ts"),
      path.join(cwd, "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js"),
      "/tmp/ep-1",
      "--root=/tmp/ep-1/x",
      "no/such/file.ts",
      "http://example.test/a",
    ],
    env: { MEMORY_FILE_PATH: "/tmp/ep-1/memory.jsonl", OTHER: "a/b" },
  });
});

it("leaves an HTTP server as it is", () => {
  const http = { transport: "http" as const, url: "http://127.0.0.1:1/mcp", headers: {} };
  expect(resolveConnection(http, "/tmp/ep")).toBe(http);
});
