// Importing trajectories: a JSONL file dropped on the dialog in the Trajectories page header is
// previewed, mapped and imported while the dialog follows the job; and the ingest and upload
// APIs answer per record, stay idempotent and keep to their scopes and limits.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { addMember, baseURL, createKey, createProject, signedInContext, uniqueEmail } from "./support/api";
import { dropFile, signInThroughForm } from "./support/ui";

const message = (role: string, content: string) => ({ role, content });
const rollout = (n: number) => ({
  id: `e2e-rollout-${n}`,
  question_id: `q-${n % 7}`,
  question: `How warm is it in city ${n}?`,
  model: "Qwen/Qwen3-4B",
  verdict: n % 3 ? "correct" : "incorrect",
  reward: n % 3 ? 1 : 0,
  messages: [
    message("user", `How warm is it in city ${n}?`),
    {
      role: "assistant",
      content: null,
      tool_calls: [{ id: `c${n}`, type: "function", function: { name: "weather_get", arguments: `{"city":"${n}"}` } }],
    },
    { role: "tool", tool_call_id: `c${n}`, content: `${n % 30} C` },
    message("assistant", `It is ${n % 30} C.`),
  ],
});
const jsonl = (lines: unknown[]) => `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;

test("a JSONL file dropped on the import dialog is previewed, imported, and counted", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Import journey ${Date.now()}`);
  await admin.dispose();
  const good = Array.from({ length: 40 }, (_, i) => rollout(i));
  const file = jsonl([...good.slice(0, 25), '{"messages": "not a list"', ...good.slice(25)]);

  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/trajectories`);
  await page.getByTestId("import-trajectories").first().click(); // an empty project shows it twice
  const dialog = page.getByTestId("import-dialog");
  await expect(dialog.getByTestId("import-drop-zone")).toBeVisible();
  await dropFile(page, "import-drop-zone", "rollouts.jsonl", file);

  // the preview: format, the guessed mapping, the first records, the bad line
  await expect(dialog.getByTestId("import-filename")).toHaveText("rollouts.jsonl");
  await expect(dialog.getByTestId("import-format")).toHaveValue("jsonl");
  await expect(dialog.getByTestId("import-sample-counts")).toContainText("41 records: 40 valid, 1 invalid");
  await expect(dialog.getByTestId("map-taskId")).toHaveValue("question_id");
  await expect(dialog.getByTestId("map-outcome")).toHaveValue("verdict");
  await expect(dialog.getByTestId("import-preview-records")).toContainText("e2e-rollout-0");
  await expect(dialog.getByTestId("import-errors")).toContainText("Line 26");

  // changing the mapping previews again with it
  await dialog.getByTestId("map-taskId").selectOption("id");
  await expect(dialog.getByTestId("import-preview-records")).toContainText("task e2e-rollout-0");
  await dialog.getByTestId("map-taskId").selectOption("question_id");
  await expect(dialog.getByTestId("import-preview-records")).toContainText("task q-0");

  // all-or-nothing refuses the file, naming the line; nothing is written
  await dialog.getByTestId("import-start").click();
  const progress = dialog.getByTestId("import-progress");
  await expect(progress).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  await expect(progress).toContainText("1 of 41 records are invalid; first: line 26");
  await expect(dialog.getByTestId("import-created")).toHaveAttribute("data-value", "0");
  await expect(dialog.getByTestId("import-errors")).toContainText("Line 26");

  // valid-only imports the 40 good records and lists the skipped one
  await dialog.getByTestId("import-another").click();
  await page.getByTestId("import-file-input").setInputFiles({
    name: "rollouts.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(file),
  });
  await dialog.getByTestId("import-mode-valid-only").check();
  await dialog.getByTestId("import-start").click();
  await expect(progress).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(dialog.getByTestId("import-created")).toHaveAttribute("data-value", "40");
  await expect(dialog.getByTestId("import-invalid")).toHaveAttribute("data-value", "1");
  await expect(dialog.getByTestId("import-records")).toHaveAttribute("data-done", "41");
  await expect(dialog.getByTestId("import-errors")).toContainText("Line 26");

  // the same file again adds nothing
  await dialog.getByTestId("import-another").click();
  await dropFile(page, "import-drop-zone", "rollouts.jsonl", file);
  await dialog.getByTestId("import-mode-valid-only").check();
  await dialog.getByTestId("import-start").click();
  await expect(progress).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(dialog.getByTestId("import-exists")).toHaveAttribute("data-value", "40");
  await expect(dialog.getByTestId("import-created")).toHaveAttribute("data-value", "0");
});

test.describe("ingest and upload APIs", () => {
  test("POST /api/v1/trajectories: per-record answers, idempotent by id, for ingest keys only", async () => {
    const admin = await signedInContext();
    const project = await createProject(admin, `Ingest API ${Date.now()}`);
    const ingest = (await createKey(admin, project.id, ["ingest"])).key;
    const readOnly = (await createKey(admin, project.id, ["read"])).key;
    const auth = (key: string) => ({ authorization: `Bearer ${key}` });
    const body = { trajectories: [rollout(1), { ...rollout(2), messages: [{ role: "wizard" }] }] };

    const first = await admin.post("/api/v1/trajectories", { data: body, headers: auth(ingest) });
    expect(first.status(), await first.text()).toBe(200);
    const r1 = await first.json();
    expect(r1.counts).toEqual({ created: 1, exists: 0, invalid: 1 });
    expect(r1.results[1]).toMatchObject({ index: 1, status: "invalid", errors: [{ path: "messages.0.role" }] });
    const again = await (await admin.post("/api/v1/trajectories", { data: body, headers: auth(ingest) })).json();
    expect(again.results[0]).toMatchObject({ status: "exists", id: r1.results[0].id, clientId: "e2e-rollout-1" });

    expect((await admin.post("/api/v1/trajectories", { data: body, headers: auth(readOnly) })).status()).toBe(403);
    // a signed-in member uses the project's route; the short form is for keys
    expect((await admin.post("/api/v1/trajectories", { data: body })).status()).toBe(403);
    const viaProject = await admin.post(`/api/v1/projects/${project.id}/trajectories`, {
      data: { trajectories: [rollout(3)] },
    });
    expect(await viaProject.json()).toMatchObject({ counts: { created: 1 } });
    const email = uniqueEmail("viewer");
    const viewer = await signedInContext(email, (await addMember(admin, project.id, email, "viewer")).initialPassword!);
    const refused = await viewer.post(`/api/v1/projects/${project.id}/trajectories`, {
      data: { trajectories: [rollout(5)] },
    });
    expect(refused.status()).toBe(403);
    await viewer.dispose();
    const tooMany = await admin.post(`/api/v1/projects/${project.id}/trajectories`, {
      data: { trajectories: new Array(1001).fill(rollout(4)) },
    });
    expect(tooMany.status()).toBe(400);
    expect((await tooMany.json()).error).toMatchObject({
      field: "trajectories",
      message: expect.stringMatching(/at most 1000/),
    });
    await admin.dispose();
  });

  test("POST /imports streams a file to an import job; past the limit it is refused with 413", async () => {
    const admin = await signedInContext();
    const project = await createProject(admin, `Upload API ${Date.now()}`);
    const key = (await createKey(admin, project.id, ["ingest", "read"])).key;
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/octet-stream" };
    const file = jsonl(Array.from({ length: 30 }, (_, i) => rollout(100 + i)));
    const started = await admin.post(`/api/v1/projects/${project.id}/imports?filename=r.jsonl&mode=valid-only`, {
      headers,
      data: Buffer.from(file),
    });
    expect(started.status(), await started.text()).toBe(202);
    const job = await started.json();
    await expect
      .poll(
        async () =>
          (await (await admin.get(`/api/v1/projects/${project.id}/imports/${job.id}`, { headers })).json()).job.status,
        { timeout: 30_000 },
      )
      .toBe("succeeded");
    const status = await (await admin.get(`/api/v1/projects/${project.id}/imports/${job.id}`, { headers })).json();
    expect(status).toMatchObject({ format: "jsonl", records: { done: 30, total: 30 }, counts: { created: 30 } });

    const bad = await admin.post(`/api/v1/projects/${project.id}/imports?filename=r.jsonl&mode=sometimes`, {
      headers,
      data: Buffer.from(file),
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toBe("mode");

    // a declared size past 2 GB is refused before a byte is read
    const status413 = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${baseURL}/api/v1/projects/${project.id}/imports?filename=huge.jsonl`, {
        method: "POST",
        headers: { ...headers, "content-length": String(3 * 1024 ** 3) },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.write("{}");
    });
    expect(status413).toBe(413);
    await admin.dispose();
  });
});
