// Judges journey: an editor adds a model judge that points at an OpenAI-compatible server (started
// here, in the test process), sees the form name its missing fields, tests the judge and reads the
// latency, edits it without retyping the API key, sees an endpoint error, deletes it; and
// screenshots at 1440 and 1024 px in both themes.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { answer, type OpenAITestServer, startOpenAITestServer, status } from "../test/openai-test-server";
import { createProject, signedInContext } from "./support/api";
import { signInThroughForm } from "./support/ui";

let server: OpenAITestServer;
test.beforeAll(async () => {
  server = await startOpenAITestServer();
});
test.afterAll(() => server.close());

const shots = process.env.SHOTS_DIR ?? "test-results/judges";

test("add a model judge, test it, edit it keeping its key, and see an endpoint error", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Judges journey ${Date.now()}`);
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/rubrics/judges`);
  await expect(page.getByTestId("tab-judges")).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No judges yet")).toBeVisible();

  await page.getByTestId("add-judge").first().click();
  const dialog = page.getByTestId("judge-dialog");
  await dialog.getByTestId("judge-save").click();
  await expect(dialog.getByText("give the judge a name")).toBeVisible();
  await expect(dialog.getByText("give the endpoint's base URL")).toBeVisible();
  await expect(dialog.getByText("name the model as the endpoint knows it")).toBeVisible();

  await dialog.getByTestId("judge-name").fill("Qwen judge");
  await dialog.getByTestId("judge-baseUrl").fill("localhost:8000");
  await dialog.getByTestId("judge-model").fill("qwen3-8b");
  await dialog.getByTestId("judge-apiKey").fill("sk-e2e-secret");
  await dialog.getByTestId("judge-save").click();
  await expect(dialog.getByText("the base URL must be an http(s) URL")).toBeVisible();
  await dialog.getByTestId("judge-baseUrl").fill(server.url);
  await dialog.getByTestId("judge-save").click();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId("judges-table");
  await expect(table).toContainText("Qwen judge");
  await expect(table).toContainText("qwen3-8b");
  await expect(table).toContainText("stored");

  server.script(answer(1, "2 + 2 is 4", [1]));
  await table.getByTestId("judge-test").click();
  await expect(table.getByTestId("judge-test-result")).toContainText(/\d+ ms/);
  await expect(table.getByTestId("judge-test-result")).toContainText("answered 1");
  expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer sk-e2e-secret");
  expect(server.requests.at(-1)?.prompt).toContain("What is 2 + 2?");

  // the key never comes back from the API
  const listed = await (await admin.get(`/api/v1/projects/${project.id}/judges`)).text();
  expect(listed).toContain("qwen3-8b");
  expect(listed).not.toContain("sk-e2e-secret");

  for (const width of [1440, 1024])
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 720 });
      await page.screenshot({ path: `${shots}/judges-${width}-${scheme}.png` });
    }
  await page.emulateMedia({ colorScheme: "light" });

  // edit without retyping the key: it is kept
  await table.getByTestId("judge-edit").click();
  await expect(dialog.getByTestId("judge-apiKey")).toHaveAttribute("placeholder", "stored");
  await expect(dialog.getByTestId("judge-apiKey")).toHaveValue("");
  await page.screenshot({ path: `${shots}/judge-dialog-1440-light.png` });
  await dialog.getByTestId("judge-name").fill("Qwen judge, 3 samples");
  await dialog.getByTestId("judge-samples").fill("3");
  await dialog.getByTestId("judge-save").click();
  await expect(dialog).toBeHidden();
  await expect(table).toContainText("Qwen judge, 3 samples");
  await expect(table).toContainText("3, majority");

  server.reset();
  await table.getByTestId("judge-test").click();
  await expect(table.getByTestId("judge-test-result")).toContainText(/\d+ ms/);
  expect(server.requests).toHaveLength(1);
  expect(server.requests[0].headers.authorization).toBe("Bearer sk-e2e-secret");

  server.setDefault(status(500, '{"error":{"message":"model overloaded"}}'));
  await table.getByTestId("judge-test").click();
  await expect(table.getByTestId("judge-test-error")).toContainText("answered 500");
  await expect(table.getByTestId("judge-test-error")).toContainText("model overloaded");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1024, height: 720 });
  await page.screenshot({ path: `${shots}/judges-error-1024-dark.png` });

  page.once("dialog", (d) => d.accept());
  await table.getByTestId("judge-edit").click();
  await dialog.getByTestId("judge-delete").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("No judges yet")).toBeVisible();
  await admin.dispose();
});
