// A benchmark from the browser: register a policy that points at a scripted OpenAI-compatible
// server (started here, solving the offline tasks), start a run on the bundled offline toolspace
// from the Runs page, watch it to the end, and open one of its trajectories. A project without
// runs is taught how to start one.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { type OraclePolicy, type OracleTask, startOraclePolicy } from "../test/oracle-policy";
import { createProject, signedInContext } from "./support/api";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

let oracle: OraclePolicy;
test.beforeAll(async () => {
  const file = JSON.parse(fs.readFileSync("toolspace/tasks/offline-tasks.json", "utf8")) as { tasks: OracleTask[] };
  oracle = await startOraclePolicy(file.tasks, { record: false });
});
test.afterAll(async () => oracle?.close());

test("a project without runs says how to start one", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, "bench empty");
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/runs`);
  await expect(page.getByText("No benchmark runs yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "add one on the Policies tab" })).toBeVisible();
  await expect(page.getByText("atlas bench run --policy")).toBeVisible();
  await shoot(page, "runs-empty");
});

test("start a benchmark run from the UI, watch it finish and open a trajectory", async ({ page }) => {
  test.setTimeout(240_000);
  const admin = await signedInContext();
  const projects = (await (await admin.get("/api/v1/projects")).json()) as { items: { id: string; name: string }[] };
  // the project made on first start holds the bundled offline toolspace and its task set
  const sets = await Promise.all(
    projects.items.map(async (p) => ({
      p,
      sets: ((await (await admin.get(`/api/v1/projects/${p.id}/task-sets`)).json()) as { items: { name: string }[] })
        .items,
    })),
  );
  const home = sets.find((s) => s.sets.some((x) => x.name === "Atlas offline tasks"))?.p;
  expect(home, "a project with the offline task set").toBeTruthy();
  const projectId = home!.id;

  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${projectId}/runs/policies`);
  await page.getByTestId("add-policy").first().click();
  await page.getByTestId("policy-name").fill("Oracle policy");
  await page.getByTestId("policy-baseUrl").fill(oracle.url);
  await page.getByTestId("policy-model").fill("oracle");
  await page.getByTestId("policy-save").click();
  await expect(page.getByTestId("policy-dialog")).toBeHidden();

  await page.getByTestId("tab-runs").click();
  await page.getByTestId("new-run").click();
  const dialog = page.getByTestId("new-run-dialog");
  await expect(dialog).toBeVisible();
  const policy = page.getByTestId("run-policy");
  await policy.selectOption(
    (await policy.locator("option", { hasText: "Oracle policy" }).getAttribute("value")) as string,
  );
  const set = page.getByTestId("run-task-set");
  await set.selectOption(
    (await set.locator("option", { hasText: "Atlas offline tasks" }).getAttribute("value")) as string,
  );
  await page.getByTestId("run-strategy").selectOption("itl");
  await page.getByTestId("run-task-limit").fill("3");
  await page.getByTestId("run-concurrency").fill("3");
  await shoot(page, "runs-new-dialog");
  await page.getByTestId("run-start").click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-name")).toContainText("Oracle policy");
  const progress = page.getByTestId("run-progress");
  await expect(progress).toHaveAttribute("data-total", "3");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 180_000 });
  await expect(progress).toHaveAttribute("data-done", "3");
  const rows = page.getByTestId("episodes-table").getByTestId("episode-status");
  await expect(rows).toHaveCount(3);
  for (const s of await rows.all()) await expect(s).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByTestId("run-mean-reward")).not.toHaveText("—");
  await shoot(page, "run-detail");

  await page.getByTestId("tab-runs").click();
  await expect(page.getByTestId("runs-table")).toContainText("Oracle policy");
  await expect(page.getByTestId("runs-table").getByTestId("run-status").first()).toHaveAttribute(
    "data-status",
    "succeeded",
  );
  await shoot(page, "runs-list");

  await page
    .getByTestId("runs-table")
    .getByRole("link", { name: /Oracle policy/ })
    .first()
    .click();
  const first = page.getByTestId("episode-trajectory").first();
  const task = (await first.textContent()) as string;
  await first.click();
  await expect(page).toHaveURL(/\/trajectories\/[0-9a-f-]{36}/);
  await expect(page.getByText(task).first()).toBeVisible();
});
