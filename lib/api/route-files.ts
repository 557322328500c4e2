// Enumerates app/api/v1/**/route.ts and the HTTP methods each exports: the ground truth that
// the permission matrix and the OpenAPI document are checked against.
import fs from "node:fs";
import path from "node:path";

export type RouteFile = { file: string; path: string; methods: string[] };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export function listRouteFiles(root = path.join(process.cwd(), "app", "api", "v1")): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8");
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(src),
        );
        const rel = path.relative(root, path.dirname(p)).split(path.sep).filter(Boolean);
        out.push({
          file: path.relative(process.cwd(), p),
          path: `/api/v1${rel.map((s) => `/${s}`).join("")}`,
          methods,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** /api/v1/projects/[projectId] -> /api/v1/projects/{projectId} */
export const toOpenApiPath = (routePath: string) => routePath.replace(/\[(\w+)\]/g, "{$1}");
