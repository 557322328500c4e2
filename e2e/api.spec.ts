// API conventions over HTTP: validation names the field and changes nothing, bodies past their
// limit get 413, ids from another project get 404, keys work with their scope.
import { expect, test } from "@playwright/test";
import { baseURL, createKey, createProject, signedInContext } from "./support/api";

test("a key with the read scope reads its project; revoked, it is refused", async ({ request }) => {
  const admin = await signedInContext();
  const p = await createProject(admin, "keys over http");
  const k = await createKey(admin, p.id, ["read"]);
  const auth = { authorization: `Bearer ${k.key}` };
  const stats = await request.get(`${baseURL}/api/v1/projects/${p.id}/stats`, { headers: auth });
  expect(stats.status()).toBe(200);
  expect(await stats.json()).toMatchObject({ tasks: 0, members: 1 });
  expect((await admin.delete(`/api/v1/projects/${p.id}/api-keys/${k.id}`)).status()).toBe(200);
  const after = await request.get(`${baseURL}/api/v1/projects/${p.id}/stats`, { headers: auth });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("UNAUTHENTICATED");
});

test("bad input gets a 4xx naming the field, and nothing is created", async () => {
  const admin = await signedInContext();
  const p = await createProject(admin, "validation");
  const bad = await admin.post(`/api/v1/projects/${p.id}/api-keys`, { data: { name: "x", scopes: ["admin"] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "VALIDATION", field: "scopes.0" });
  const badJob = await admin.post(`/api/v1/projects/${p.id}/jobs`, {
    data: { type: "project.export", payload: { pageSize: 0 } },
  });
  expect((await badJob.json()).error).toMatchObject({ code: "VALIDATION", field: "payload.pageSize" });
  expect((await (await admin.get(`/api/v1/projects/${p.id}/api-keys`)).json()).items).toEqual([]);
  expect((await (await admin.get(`/api/v1/projects/${p.id}/jobs`)).json()).items).toEqual([]);
});

test("a body past the route's limit gets 413", async () => {
  const admin = await signedInContext();
  const p = await createProject(admin, "limits");
  const r = await admin.post(`/api/v1/projects/${p.id}/jobs`, {
    data: { type: "project.export", payload: { note: "x".repeat(70 * 1024) } },
  });
  expect(r.status()).toBe(413);
  expect((await r.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "body" });
});

test("an id that is not in the project gets 404", async () => {
  const admin = await signedInContext();
  const a = await createProject(admin, "a");
  const b = await createProject(admin, "b");
  const job = await admin.post(`/api/v1/projects/${a.id}/jobs`, { data: { type: "project.export", payload: {} } });
  expect(job.status()).toBe(202);
  const { id } = await job.json();
  expect((await admin.get(`/api/v1/projects/${a.id}/jobs/${id}`)).status()).toBe(200);
  const wrong = await admin.get(`/api/v1/projects/${b.id}/jobs/${id}`);
  expect(wrong.status()).toBe(404);
  expect((await wrong.json()).error.field).toBe("jobId");
  expect((await admin.get(`/api/v1/projects/${a.id}/jobs/not-a-uuid`)).status()).toBe(404);
});

test("the OpenAPI document is public and lists the routes", async ({ request }) => {
  const r = await request.get(`${baseURL}/api/v1/openapi.json`);
  expect(r.status()).toBe(200);
  const doc = await r.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/projects/{projectId}/jobs"].post.requestBody).toBeDefined();
});

test("the events stream announces a job's changes to a signed-in member", async () => {
  const admin = await signedInContext();
  const p = await createProject(admin, "events");
  const { cookies } = await admin.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const ctrl = new AbortController();
  const res = await fetch(`${baseURL}/api/v1/projects/${p.id}/events`, { headers: { cookie }, signal: ctrl.signal });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.getReader();
  let text = "";
  const read = async (until: (text: string) => boolean) => {
    while (!until(text)) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended; it said: ${text}`);
      text += new TextDecoder().decode(value);
    }
  };
  await read((t) => t.includes("connected"));
  const job = await (
    await admin.post(`/api/v1/projects/${p.id}/jobs`, { data: { type: "project.export", payload: {} } })
  ).json();
  await read((t) => t.includes(`"id":"${job.id}"`));
  expect(text).toContain(`event: job\ndata: {"projectId":"${p.id}","kind":"job","id":"${job.id}"}`);
  ctrl.abort();
});
