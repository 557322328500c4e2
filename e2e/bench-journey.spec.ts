// A benchmark from the browser: register a toolspace of two MCP servers over stdio, a policy that
// points at a scripted OpenAI-compatible server (started here, solving the offline tasks), start a
// run of the offline tasks in that toolspace from the Runs page, watch it to the end, find it on the
// task set's leaderboard and drill down to one of its trajectories. A project without runs is
// taught how to start one.
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
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

async function addServer(page: Page, name: string) {
  await page.getByTestId("add-server").click();
  const dialog = page.getByTestId("add-server-dialog");
  await dialog.getByTestId("server-name").fill(name);
  await dialog.getByTestId("server-command").fill("node");
  await dialog.getByTestId("server-args").fill(`--import\ntsx\ntoolspace/servers/${name}/server.ts`);
  await dialog.getByTestId("server-save").click();
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId("servers-table").getByRole("row", { name: new RegExp(name) })).toContainText("v1");
}

test("register a toolspace, run a benchmark in it from the UI, watch it, and drill down from the leaderboard", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const admin = await signedInContext();
  const projects = (await (await admin.get("/api/v1/projects")).json()) as { items: { id: string; name: string }[] };
  // the project made on first start holds the offline task set, with a rubric per task
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

  // the first two offline tasks need the geo and calculator servers: a toolspace of just those two
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${projectId}/toolspaces`);
  await page.getByTestId("new-toolspace").first().click();
  const create = page.getByTestId("new-toolspace-dialog");
  await create.getByTestId("toolspace-name").fill("Geo and calculator");
  await create.getByTestId("toolspace-save").click();
  await expect(create).toBeHidden();
  await addServer(page, "geo");
  await addServer(page, "calculator");
  await shoot(page, "bench-toolspace");

  await page.goto(`/projects/${projectId}/runs/policies`);
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
  const pick = async (testId: string, text: string) => {
    const select = page.getByTestId(testId);
    await select.selectOption((await select.locator("option", { hasText: text }).getAttribute("value")) as string);
  };
  await pick("run-policy", "Oracle policy");
  await pick("run-task-set", "Atlas offline tasks");
  await pick("run-toolspace", "Geo and calculator");
  // ITL+PTC: the policy loads the tools it needs, then calls them from one program
  await page.getByTestId("run-strategy").selectOption("itl-ptc");
  await page.getByTestId("run-task-limit").fill("2");
  await page.getByTestId("run-concurrency").fill("2");
  await shoot(page, "runs-new-dialog");
  await page.getByTestId("run-start").click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const runId = page.url().split("/").pop() as string;
  await expect(page.getByTestId("run-name")).toContainText("Oracle policy");
  const progress = page.getByTestId("run-progress");
  await expect(progress).toHaveAttribute("data-total", "2");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 180_000 });
  await expect(progress).toHaveAttribute("data-done", "2");
  const rows = page.getByTestId("episodes-table").getByTestId("episode-status");
  await expect(rows).toHaveCount(2);
  for (const s of await rows.all()) await expect(s).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByTestId("run-mean-reward")).not.toHaveText("—");
  await shoot(page, "run-detail");

  await page.getByTestId("tab-runs").click();
  await expect(page.getByTestId("runs-table")).toContainText("Oracle policy");
  await shoot(page, "runs-list");

  // the run is on its task set's leaderboard; its episode count opens the trajectories behind it
  await page.goto(`/projects/${projectId}/leaderboards`);
  await pick("lb-task-set", "Atlas offline tasks");
  const board = page.getByTestId("lb-table").getByTestId("table-row").filter({ hasText: "Oracle policy" });
  await expect(board.first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("lb-chart").getByTestId("lb-point").first()).toBeVisible();
  await shoot(page, "bench-leaderboard");
  await board.first().getByTestId("lb-episodes").click();
  await expect(page).toHaveURL(new RegExp(`/trajectories\\?runId=${runId}`));
  const listed = page.getByTestId("trajectories-table").getByTestId("table-row");
  await expect(listed).toHaveCount(2);
  await listed.first().click();
  await page.locator("body").press("Enter");
  await expect(page).toHaveURL(/\/trajectories\/[0-9a-f-]{36}/);
  await expect(page.getByText("run_program").first()).toBeVisible();
  const calls = page.getByTestId("program-calls").first();
  await expect(calls).toContainText(/The program called \d+ tools?/);
  await expect(calls.getByTestId("program-call").first()).toBeVisible();
  await shoot(page, "bench-program-calls");
});
