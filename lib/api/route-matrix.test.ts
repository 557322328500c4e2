import { describe, expect, it } from "vitest";
import { allContracts } from "./contracts";
import { buildOpenApi } from "./openapi";
import { listRouteFiles, toOpenApiPath } from "./route-files";

const routes = listRouteFiles();
const key = (method: string, path: string) => `${method} ${path}`;
const matrix = new Map(allContracts.map((c) => [key(c.method, c.path), c]));

describe("the permission matrix", () => {
  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.every((r) => r.methods.length > 0)).toBe(true);
  });

  it.each(routes.flatMap((r) => r.methods.map((m) => [key(m, toOpenApiPath(r.path)), r.file])))(
    "%s (%s) has an entry",
    (entry) => {
      expect(matrix.has(entry), `${entry} is missing from lib/api/contracts`).toBe(true);
    },
  );

  it("has no entry without a route file", () => {
    const served = new Set(routes.flatMap((r) => r.methods.map((m) => key(m, toOpenApiPath(r.path)))));
    const orphans = [...matrix.keys()].filter((k) => !served.has(k));
    expect(orphans).toEqual([]);
  });

  it("gives every project route a project id in its path, and keeps public routes to the documented few", () => {
    for (const c of allContracts) {
      if (c.access.kind === "project") expect(c.path, c.path).toContain("{projectId}");
    }
    const publicRoutes = allContracts.filter((c) => c.access.kind === "public").map((c) => c.path);
    expect(publicRoutes.sort()).toEqual(["/api/v1/health", "/api/v1/openapi.json"]);
  });

  it("route files wrap their handlers with the contract of their own path", async () => {
    for (const r of routes) {
      const src = await import("node:fs").then((fs) => fs.readFileSync(r.file, "utf8"));
      for (const m of r.methods) {
        const match = src.match(new RegExp(`export const ${m} = handle\\((\\w+)\\.(\\w+)`));
        expect(match, `${r.file}: ${m} must be handle(<contracts>.<name>, ...)`).not.toBeNull();
        const [, group, name] = match!;
        const mod = (await import("./contracts")) as unknown as Record<
          string,
          Record<string, { method: string; path: string }>
        >;
        const c = mod[group][name];
        expect(key(c.method, c.path), r.file).toBe(key(m, toOpenApiPath(r.path)));
      }
    }
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApi();
  it.each(routes.flatMap((r) => r.methods.map((m) => [m, toOpenApiPath(r.path)])))("documents %s %s", (m, p) => {
    expect(doc.paths[p]?.[m.toLowerCase()], `${m} ${p} is not in /api/v1/openapi.json`).toBeDefined();
  });

  it("describes request bodies and error shapes", () => {
    const post = doc.paths["/api/v1/projects/{projectId}/api-keys"].post as {
      requestBody: unknown;
      responses: Record<string, unknown>;
    };
    expect(JSON.stringify(post.requestBody)).toContain("scopes");
    expect(post.responses["4XX"]).toBeDefined();
  });
});
