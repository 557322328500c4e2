// Toolspaces journey: an editor creates a toolspace, registers the bundled calculator as a stdio
// server from the UI, sees its tools with their schema tokens and its health, checks it again (same
// tool list, no new version), opens its versions; an unreachable server is refused with 422 and
// nothing saved; screenshots at 1440 and 1024 px in both themes.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

test("register a stdio server from the UI, read its tools, tokens and health, and check it again", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = await signedInContext();
  const project = await createProject(admin, `Toolspaces journey ${Date.now()}`);
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/toolspaces`);

  await page.getByTestId("new-toolspace").first().click();
  const create = page.getByTestId("new-toolspace-dialog");
  await create.getByTestId("toolspace-name").fill("office");
  await create.getByTestId("toolspace-save").click();
  await expect(create).toBeHidden();
  await expect(page.getByTestId("toolspace-card")).toContainText("office");
  await expect(page.getByTestId("servers-table")).toContainText("No servers yet");

  await page.getByTestId("add-server").click();
  const dialog = page.getByTestId("add-server-dialog");
  await dialog.getByTestId("server-name").fill("calculator");
  await dialog.getByTestId("server-description").fill("Arithmetic, statistics and unit conversion");
  await dialog.getByTestId("server-command").fill("node");
  await dialog.getByTestId("server-args").fill("--import\ntsx\ntoolspace/servers/calculator/server.ts");
  await dialog.getByTestId("server-env").fill("not a pair");
  await dialog.getByTestId("server-save").click();
  await expect(dialog.getByText("line 1: write KEY=value (env)")).toBeVisible();
  await dialog.getByTestId("server-env").fill("");
  await dialog.getByTestId("server-save").click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const servers = page.getByTestId("servers-table");
  const row = servers.getByRole("row", { name: /calculator/ });
  await expect(row).toContainText("stdio");
  await expect(row).toContainText("node --import tsx toolspace/servers/calculator/server.ts");
  await expect(row.getByTestId("server-health")).toContainText(/ok · \d+ ms/);
  await expect(row.getByTestId("server-versions")).toHaveText("v1");

  // the tools table lists the calculator's tools with their schema tokens
  const tools = page.getByTestId("tools-table");
  await expect(tools).toContainText("calculator");
  const listed = await (
    await admin.get(`/api/v1/projects/${project.id}/toolspaces/${await toolspaceId(page)}/servers`)
  ).json();
  const calc = listed.items[0];
  expect(calc.tools).toBeGreaterThan(5);
  expect(calc.schemaTokens).toBeGreaterThan(0);
  await expect(page.getByTestId("toolspace-card")).toContainText(`${calc.tools} tools`);
  await expect(tools.getByRole("row")).toHaveCount(calc.tools + 1);

  await shoot(page, "toolspaces");

  // checked again: the same tools, so no new version
  await row.getByTestId("server-check").click();
  await expect(page.getByText(`Same ${calc.tools} tools as v1.`)).toBeVisible({ timeout: 30_000 });
  await row.getByTestId("server-versions").click();
  const versions = page.getByTestId("versions-dialog");
  await expect(versions.getByTestId("versions-list").getByRole("row")).toHaveCount(1);
  await expect(versions).toContainText("One version so far");
  await page.keyboard.press("Escape");

  // an unreachable server is refused with the reason, and nothing is saved
  const id = await toolspaceId(page);
  const refused = await admin.post(`/api/v1/projects/${project.id}/toolspaces/${id}/servers`, {
    data: { name: "dead", config: { transport: "http", url: "http://127.0.0.1:9/mcp" } },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error).toMatchObject({ code: "UNREACHABLE", field: "config" });
  const after = await (await admin.get(`/api/v1/projects/${project.id}/toolspaces/${id}/servers`)).json();
  expect(after.items.map((s: { name: string }) => s.name)).toEqual(["calculator"]);

  // the UI shows the same refusal
  await page.getByTestId("add-server").click();
  await dialog.getByTestId("server-name").fill("dead");
  await dialog.getByTestId("server-transport").selectOption("http");
  await dialog.getByTestId("server-url").fill("http://127.0.0.1:9/mcp");
  await dialog.getByTestId("server-save").click();
  await expect(dialog.getByText(/Could not reach dead: .*Nothing was saved/)).toBeVisible({ timeout: 30_000 });
  await shoot(page, "toolspaces-add-server-refused");
});

async function toolspaceId(page: import("@playwright/test").Page) {
  await expect(page).toHaveURL(/toolspace=/);
  return new URL(page.url()).searchParams.get("toolspace") as string;
}
