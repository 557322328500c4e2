// The rubric journey end to end on the demo project, as one researcher does it: see the demo's
// scored reference trajectories, author a rubric with three criteria in the browser, save a
// second version, try it in the playground on demo trajectories, read the scores and open the
// evidence, then read the diff of the two versions.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { signedInContext } from "./support/api";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

async function demoProjectId(): Promise<string> {
  const admin = await signedInContext();
  const res = await admin.get("/api/v1/projects");
  const { items } = (await res.json()) as { items: { id: string; isDemo: boolean }[] };
  await admin.dispose();
  const demo = items.find((p) => p.isDemo);
  expect(demo, "the first start seeds a demo project").toBeTruthy();
  return demo!.id;
}

async function fillCriterion(page: Page, n: number, f: { id: string; title: string; weight?: string }) {
  const card = page.getByTestId("criterion").nth(n);
  await card.getByTestId("criterion-id").fill(f.id);
  await card.getByTestId("criterion-title").fill(f.title);
  if (f.weight) await card.getByTestId("criterion-weight").fill(f.weight);
  return card;
}

test("author a rubric, save v2, try it in the playground on demo trajectories and read the diff", async ({ page }) => {
  test.setTimeout(180_000);
  const projectId = await demoProjectId();
  const name = `Reference answers ${Date.now()}`;
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${projectId}/rubrics`);

  // the demo's published rubrics are there, and its reference trajectories were scored on first start
  await page.getByRole("searchbox").first().fill("program checks");
  await expect(page).toHaveURL(/q=program/);
  await expect(page.getByTestId("rubric-row-name")).toHaveText(["MCP-Atlas tool use (program checks)"]);
  await page.getByTestId("new-rubric").first().click();
  await expect(page).toHaveURL(/\/rubrics\/new$/);
  await page.getByTestId("rubric-name").fill(name);
  // a template for the MCP-Atlas task set: {{task.claims}} comes from each trajectory's task
  await page.getByTestId("rubric-task-set").selectOption({ label: "MCP-Atlas sample (10 tasks)" });

  // 1: a program check on the final answer
  const first = await fillCriterion(page, 0, { id: "answers", title: "Ends with a worded answer" });
  await first.getByTestId("criterion-verifier").selectOption("program");
  await first.getByTestId("check-kind").selectOption("final-answer-regex");
  await first.getByTestId("check-pattern").fill("\\w{3,}");
  // 2: for a model judge, with the task's claims
  await page.getByTestId("add-criterion").click();
  const second = await fillCriterion(page, 1, { id: "covers-claims", title: "States every claim" });
  await second.getByTestId("criterion-instruction").fill("Does the answer state each of {{task.claims}}?");
  // 3: a program check that tells the references apart
  await page.getByTestId("add-criterion").click();
  const third = await fillCriterion(page, 2, { id: "short", title: "Within 4 assistant turns" });
  await third.getByTestId("criterion-verifier").selectOption("program");
  await third.getByTestId("check-kind").selectOption("max-turns");
  await third.getByTestId("check-max").fill("4");
  await expect(page.getByTestId("issues")).toHaveCount(0);
  await shoot(page, "journey-editor");
  await page.keyboard.press("Control+s");
  await expect(page).toHaveURL(/\/rubrics\/[0-9a-f-]{36}$/);
  await expect(page.getByText("A template for every task of MCP-Atlas sample")).toBeVisible();

  // version 2 weighs the answer twice
  await page.getByTestId("criterion").nth(0).getByTestId("criterion-weight").fill("2");
  await page.getByTestId("save-rubric").click();
  await expect(page.getByText("Saved version 2")).toBeVisible();
  const rubricUrl = page.url();

  // the playground, from the editor: version 2, program checks only, three demo trajectories
  await page.getByTestId("try-in-playground").click();
  await expect(page).toHaveURL(/\/rubrics\/playground\?/);
  await expect(page.getByTestId("pg-version")).toHaveValue("2");
  await expect(page.getByTestId("pg-coverage")).toContainText("not judged");
  const picks = page.getByTestId("pick-trajectory");
  await expect(picks.nth(2)).toBeVisible();
  // the picks live in the URL: each click is answered once the URL has it
  for (const i of [0, 1, 2]) {
    await picks.nth(i).click();
    await expect(picks.nth(i)).toBeChecked();
  }
  await expect(page.getByTestId("picked-count")).toHaveText(/3 picked/);
  await page.getByTestId("pg-run").click();

  const results = page.getByTestId("run-results");
  await expect(page.getByTestId("run-title")).toContainText(`${name} v2`, { timeout: 30_000 });
  await expect(results.getByTestId("result-row")).toHaveCount(3, { timeout: 60_000 });
  // no judge chosen: the model criterion is "not judged", never a 0; the program checks score
  await expect(results.locator('[data-criterion="covers-claims"]')).toHaveText(
    ["not judged", "not judged", "not judged"],
    { timeout: 60_000 },
  );
  await expect(results.locator('[data-criterion="answers"]')).toHaveText(["1", "1", "1"]);
  await expect(results.getByTestId("reward").first()).toContainText(/\d/);
  await shoot(page, "journey-playground");

  // a verdict's evidence opens the viewer at that step
  await results.locator('[data-criterion="answers"]').first().click();
  const evidence = page.getByTestId("verdict").getByTestId("evidence-link").first();
  await expect(evidence).toHaveAttribute("href", /\/trajectories\/[0-9a-f-]{36}\?step=\d+$/);
  await evidence.click();
  await expect(page).toHaveURL(/\/trajectories\/[0-9a-f-]{36}\?step=\d+/);

  // the first start's demo run is listed as finished
  await page.goBack();
  await expect(
    page.getByTestId("recent-run").filter({ hasText: "MCP-Atlas tool use (program checks)" }).first(),
  ).toContainText(/succeeded/i);

  // back in the editor, the history shows what version 2 changed
  await page.goto(rubricUrl);
  await page.getByTestId("tab-history").click();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await expect(page.getByTestId("diff")).toContainText("answers");
  await expect(page.getByTestId("diff")).toContainText("1 → 2");
});
