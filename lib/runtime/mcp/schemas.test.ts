import { describe, expect, it } from "vitest";
import { configIssues, serverConfig, serverConfigOfRow } from "./schemas";

function issues(input: unknown): string[] {
  const r = serverConfig.safeParse(input);
  return r.success ? [] : configIssues(r.error);
}

describe("server config", () => {
  it("accepts stdio and http configs and fills defaults", () => {
    expect(serverConfig.parse({ transport: "stdio", command: "node" })).toEqual({
      transport: "stdio",
      command: "node",
      args: [],
      env: {},
    });
    expect(
      serverConfig.parse({
        transport: "http",
        url: "https://tools.example/mcp",
        headers: { Authorization: "Bearer x" },
      }),
    ).toEqual({ transport: "http", url: "https://tools.example/mcp", headers: { Authorization: "Bearer x" } });
  });

  it("names the field and the fix", () => {
    expect(issues({ transport: "stdio", command: " " })).toEqual([
      "command: command must not be empty: give the program to start, e.g. node",
    ]);
    expect(issues({ transport: "stdio", command: "node", args: [1] })).toEqual([
      "args.0: args must be a list of strings",
    ]);
    expect(issues({ transport: "stdio", command: "node", env: { "1BAD": "x" } })[0]).toMatch(/^env\.1BAD: env keys/);
    expect(issues({ transport: "stdio", command: "node", env: { OK: 1 } })).toEqual([
      "env.OK: env values must be strings",
    ]);
    expect(issues({ transport: "http", url: "localhost:3000" })).toEqual([
      "url: url must be an http(s) URL, e.g. http://localhost:3001/mcp",
    ]);
    expect(issues({ transport: "http", url: "http://x/mcp", headers: { "bad header": "1" } })[0]).toMatch(
      /^headers\.bad header: headers keys must be HTTP header names/,
    );
    expect(issues({ transport: "offline" })[0]).toMatch(/^transport: transport must be "stdio"/);
  });
});

describe("serverConfigOfRow", () => {
  it("takes the transport from its column and refuses offline servers", () => {
    expect(serverConfigOfRow({ transport: "stdio", config: { command: "node", args: ["s.js"], env: {} } })).toEqual({
      ok: true,
      config: { transport: "stdio", command: "node", args: ["s.js"], env: {} },
    });
    expect(serverConfigOfRow({ transport: "http", config: {} })).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^url:/)],
    });
    expect(serverConfigOfRow({ transport: "offline", config: { name: "x" } })).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^transport: this server is offline/)],
    });
  });
});
