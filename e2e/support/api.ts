// API helpers for journeys: sign in, create projects and members through the public API.
import { type APIRequestContext, expect, request } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";

export const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3210}`;

export async function signedInContext(email = E2E_ADMIN.email, password = E2E_ADMIN.password) {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const r = await ctx.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(r.status(), await r.text()).toBe(200);
  return ctx;
}

export async function createProject(ctx: APIRequestContext, name: string) {
  const r = await ctx.post("/api/v1/projects", { data: { name } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as { id: string; name: string };
}

/** Adds a member; a new email gets an account, whose first password comes back once. */
export async function addMember(ctx: APIRequestContext, projectId: string, email: string, role: string) {
  const r = await ctx.post(`/api/v1/projects/${projectId}/members`, { data: { email, role } });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as { userId: string; initialPassword: string | null };
}

export async function createKey(ctx: APIRequestContext, projectId: string, scopes: string[]) {
  const r = await ctx.post(`/api/v1/projects/${projectId}/api-keys`, {
    data: { name: `e2e ${scopes.join("+")}`, scopes },
  });
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as { id: string; key: string };
}

export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;

/** Sends trajectories through the ingest API as the admin; returns their ids in order. */
export async function ingest(projectId: string, records: unknown[]) {
  const ctx = await signedInContext();
  try {
    const r = await ctx.post(`/api/v1/projects/${projectId}/trajectories`, { data: { trajectories: records } });
    expect(r.status(), await r.text()).toBe(200);
    const { results } = (await r.json()) as { results: { status: string; id?: string; errors?: unknown }[] };
    return results.map((x) => {
      if (!x.id) throw new Error(JSON.stringify(x.errors));
      return x.id;
    });
  } finally {
    await ctx.dispose();
  }
}
