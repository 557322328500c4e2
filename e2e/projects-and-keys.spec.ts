// Create a project and an API key in the browser, read the key's secret (shown once) and use it.
import { expect, request, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { baseURL } from "./support/api";
import { projectIdFrom, signInThroughForm } from "./support/ui";

test("create a project and an API key in the UI, then call the API with the key", async ({ page }) => {
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, "/projects");

  // the project
  const name = `Keys journey ${Date.now()}`;
  await expect(page.getByTestId("projects-table")).toBeVisible();
  await page.getByTestId("new-project").click();
  await page.getByTestId("project-name-input").fill(name);
  await page.getByTestId("create-project-submit").click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectId = projectIdFrom(page.url());
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // the key, through the navigation an admin uses
  await page.getByTestId("nav-settings").click();
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/api-keys$`));
  await expect(page.getByTestId("api-keys-table")).toContainText("No keys yet");
  await page.getByTestId("api-key-name").fill("e2e reader");
  await expect(page.getByTestId("api-key-scope-read")).toBeChecked();
  await page.getByTestId("api-key-create").click();

  const secretBox = page.getByTestId("api-key-secret");
  await expect(secretBox).toBeVisible();
  const secret = (await secretBox.textContent())?.trim() ?? "";
  expect(secret.length).toBeGreaterThan(20);
  await expect(page.getByTestId("api-key-created-dialog")).toContainText("shown only once");
  await page.getByTestId("api-key-done").click();

  // listed by name and prefix; the secret itself is gone from the page
  const table = page.getByTestId("api-keys-table");
  await expect(table).toContainText("e2e reader");
  await expect(table).toContainText("active");
  expect(await page.content()).not.toContain(secret);

  // the key works on its own, with no session
  const anonymous = await request.newContext({ baseURL });
  const r = await anonymous.get(`/api/v1/projects/${projectId}/stats`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(r.status(), await r.text()).toBe(200);
  expect(await r.json()).toMatchObject({ members: 1, jobs: 0 });
  await anonymous.dispose();
});
