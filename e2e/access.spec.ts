// Every route of /api/v1, found from the route files (not a hand-kept list), is called as each
// kind of caller; the expected status comes from the permission matrix in lib/api/contracts.
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { type Contract, roleRank } from "../lib/api/contract";
import { allContracts } from "../lib/api/contracts";
import { listRouteFiles, toOpenApiPath } from "../lib/api/route-files";
import { addMember, baseURL, createKey, createProject, signedInContext, uniqueEmail } from "./support/api";

const routes = listRouteFiles().flatMap((r) => r.methods.map((method) => ({ method, path: toOpenApiPath(r.path) })));
const contractOf = (method: string, path: string) => allContracts.find((c) => c.method === method && c.path === path);

type Callers = {
  projectId: string;
  anonymous: APIRequestContext;
  outsider: APIRequestContext;
  members: Record<"viewer" | "labeler" | "editor", APIRequestContext>;
  foreignKey: string;
  keys: Record<string, string>;
};

const fill = (path: string, projectId: string) =>
  path.replace("{projectId}", projectId).replace(/\{(\w+)\}/g, () => crypto.randomUUID());

async function call(ctx: APIRequestContext, method: string, url: string, key?: string) {
  const headers = key ? { authorization: `Bearer ${key}` } : undefined;
  const r = await ctx.fetch(url, { method, headers, ...(method === "GET" || method === "DELETE" ? {} : { data: {} }) });
  return r.status();
}

let c: Callers;

test.beforeAll(async () => {
  const admin = await signedInContext();
  const project = await createProject(admin, "access matrix");
  const other = await createProject(admin, "another project");
  const members = {} as Callers["members"];
  for (const role of ["viewer", "labeler", "editor"] as const) {
    const email = uniqueEmail(role);
    const m = await addMember(admin, project.id, email, role);
    members[role] = await signedInContext(email, m.initialPassword!);
  }
  const outsiderEmail = uniqueEmail("outsider");
  const o = await addMember(admin, other.id, outsiderEmail, "admin");
  const scopes = ["read", "ingest", "judge", "run"];
  const keys: Record<string, string> = {};
  // for each scope, a key with every other scope: it must be refused where that scope is needed
  for (const s of scopes)
    keys[s] = (
      await createKey(
        admin,
        project.id,
        scopes.filter((x) => x !== s),
      )
    ).key;
  keys.all = (await createKey(admin, project.id, scopes)).key;
  c = {
    projectId: project.id,
    anonymous: await request.newContext({ baseURL }),
    outsider: await signedInContext(outsiderEmail, o.initialPassword!),
    members,
    foreignKey: (await createKey(admin, other.id, scopes)).key,
    keys,
  };
});

test("every route file and method has a matrix entry", () => {
  const missing = routes.filter((r) => !contractOf(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
  expect(missing).toEqual([]);
});

for (const { method, path } of routes) {
  test(`${method} ${path}`, async () => {
    const contract = contractOf(method, path) as Contract;
    const url = fill(path, c.projectId);
    const anon = await call(c.anonymous, method, url);
    if (contract.access.kind === "public") {
      expect(anon, "public route").toBeLessThan(400);
      return;
    }
    expect(anon, "anonymous").toBe(401);
    expect(await call(c.anonymous, method, url, "atlas_not-a-real-key"), "unknown key").toBe(401);
    if (contract.access.kind === "user") {
      expect(await call(c.anonymous, method, url, c.keys.all), "API key on a user-only route").toBe(403);
      return;
    }
    if (contract.access.kind === "key") {
      // the project is the key's own: members and keys without the scope are refused
      const { scope } = contract.access;
      expect(await call(c.members.editor, method, url), "member on a key-only route").toBe(403);
      expect(await call(c.outsider, method, url), "signed-in user on a key-only route").toBe(403);
      expect(await call(c.anonymous, method, url, c.keys[scope]), `key without '${scope}'`).toBe(403);
      expect(await call(c.anonymous, method, url, c.keys.all), "key with the scope").not.toBe(403);
      return;
    }
    const { role, scope } = contract.access;
    expect(await call(c.outsider, method, url), "signed-in non-member").toBe(403);
    expect(await call(c.anonymous, method, url, c.foreignKey), "key of another project").toBe(403);
    if (scope) expect(await call(c.anonymous, method, url, c.keys[scope]), `key without '${scope}'`).toBe(403);
    else expect(await call(c.anonymous, method, url, c.keys.all), "key on a members-only route").toBe(403);
    if (!role) return;
    for (const r of ["viewer", "labeler", "editor"] as const)
      if (roleRank(r) < roleRank(role)) expect(await call(c.members[r], method, url), `${r} below ${role}`).toBe(403);
  });
}
