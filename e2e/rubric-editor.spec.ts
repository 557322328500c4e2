import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { shoot } from "./support/shots";
import { dropFile, signInThroughForm } from "./support/ui";

test("author a rubric with three criteria, preview it, save two versions and read their diff", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Rubric editor ${Date.now()}`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/rubrics`);
  await expect(page.getByText("No rubrics yet")).toBeVisible();
  await shoot(page, "list-empty");
  await page.getByTestId("new-rubric").first().click();
  await expect(page).toHaveURL(/\/rubrics\/new$/);
  await page.getByTestId("rubric-name").fill("Paris answers");

  const cards = page.getByTestId("criterion");
  // 1: a program check on the final answer, first with a regex that does not compile
  const first = cards.nth(0);
  await first.getByTestId("criterion-id").fill("says-paris");
  await first.getByTestId("criterion-title").fill("Names Paris in the final answer");
  await first.getByTestId("criterion-verifier").selectOption("program");
  await first.getByTestId("check-kind").selectOption("final-answer-regex");
  await first.getByTestId("check-pattern").fill("(Paris");
  await expect(first.getByText("this regular expression does not compile")).toBeVisible();
  await expect(page.getByTestId("issues")).toContainText("criterion 1 (says-paris) · verifier.check.pattern");

  // 2: judged by a model, with template variables
  await page.getByTestId("add-criterion").click();
  const second = cards.nth(1);
  await second.getByTestId("criterion-id").fill("grounded");
  await second.getByTestId("criterion-title").fill("Grounds the answer in tool output");
  await second
    .getByTestId("criterion-instruction")
    .fill("Is every fact about {{task.prompt}} taken from a tool result?");
  await second.getByTestId("criterion-category").fill("Tool Grounding");

  // 3: a pitfall
  await page.getByTestId("add-criterion").click();
  const third = cards.nth(2);
  await third.getByTestId("criterion-id").fill("invents");
  await third.getByTestId("criterion-title").fill("Invents a fact");
  await third.getByTestId("criterion-category").fill("Pitfall");
  await third.getByTestId("criterion-weight").fill("-1");
  await expect(third.getByText("pitfall", { exact: true })).toBeVisible();
  await shoot(page, "editor-errors");

  // saving is refused while the regex does not compile
  await page.keyboard.press("Control+s");
  await expect(page).toHaveURL(/\/rubrics\/new$/);
  await first.getByTestId("check-pattern").fill("\\bParis\\b");
  await expect(page.getByTestId("issues")).toHaveCount(0);

  // the live preview: the program check is not judged yet; then everything met, then the pitfall happens
  const reward = page.getByTestId("preview-reward");
  await page.getByRole("button", { name: "grounded: 1" }).click();
  await expect(reward).toHaveText("1");
  await expect(page.getByTestId("preview-notes")).toContainText("Not judged (left out, never 0): says-paris, invents");
  await page.getByRole("button", { name: "says-paris: 1" }).click();
  await page.getByRole("button", { name: "invents: 1" }).click();
  await expect(reward).toHaveText("0.5");
  await page.getByTestId("aggregation-rule").selectOption("coverage-pass");
  await expect(page.getByTestId("preview-passed")).toContainText("failed");
  await page.getByRole("button", { name: "invents: 0" }).click();
  await expect(page.getByTestId("preview-passed")).toContainText("passed");
  // reorder with the keyboard: the pitfall moves up one
  await third.getByTestId("criterion-title").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(cards.nth(1).getByTestId("criterion-id")).toHaveValue("invents");
  await shoot(page, "editor-preview");

  await page.keyboard.press("Control+s");
  await expect(page).toHaveURL(/\/rubrics\/[0-9a-f-]{36}$/);
  await expect(page.getByText("v1", { exact: true })).toBeVisible();

  // version 2: a heavier grounding weight
  await page.getByTestId("criterion").nth(2).getByTestId("criterion-weight").fill("3");
  await expect(page.getByText("unsaved")).toBeVisible();
  await page.getByTestId("save-rubric").click();
  await expect(page.getByText("Saved version 2")).toBeVisible();
  await expect(page.getByText("v2", { exact: true })).toBeVisible();

  await page.getByTestId("tab-history").click();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  const diff = page.getByTestId("diff");
  await expect(diff).toContainText("weight");
  await expect(diff).toContainText("grounded");
  await expect(diff).toContainText("1 → 3");
  await shoot(page, "history");

  // an old version is read-only and can be restored as the newest
  await page.getByRole("link", { name: "View v1" }).click();
  await expect(page.getByTestId("old-version")).toContainText("Version 1 of 2, read-only");
  await expect(page.getByTestId("criterion").nth(2).getByTestId("criterion-weight")).toHaveValue("1");
  await page.getByTestId("restore-version").click();
  await page.getByTestId("save-rubric").click();
  await expect(page.getByText("Saved version 3")).toBeVisible();

  // the API names the field of a bad version
  const rubricId = /rubrics\/([0-9a-f-]{36})/.exec(page.url())![1];
  const bad = await admin.post(`/api/v1/projects/${project.id}/rubrics/${rubricId}/versions`, {
    data: {
      criteria: [
        { id: "a", title: "A", weight: 1 },
        { id: "b", title: "B", weight: 1 },
        {
          id: "c",
          title: "C",
          weight: 1,
          verifier: { kind: "program", check: { check: "final-answer-regex", pattern: "(" } },
        },
      ],
      aggregation: { rule: "weighted-mean" },
    },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.field).toBe("criteria.2.verifier.check.pattern");

  await page.goto(`/projects/${project.id}/rubrics`);
  await expect(page.getByTestId("rubric-row-name")).toHaveText("Paris answers");
  await shoot(page, "list");
  await admin.dispose();
});

test("import a criteria list by dropping the file", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Rubric import ${Date.now()}`);
  await admin.dispose();
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/rubrics`);
  await page.getByTestId("import-rubrics").first().click();
  const list = [
    { title: "Answers the question", description: "The final answer answers what was asked", weight: 2 },
    { title: "Invents a booking", description: "", weight: -1 },
  ];
  await dropFile(page, "import-drop-zone", "criteria.json", JSON.stringify(list));
  await expect(page.getByTestId("import-rubrics-file")).toContainText("criteria.json");
  await page.getByTestId("import-rubrics-submit").click();
  await expect(page.getByTestId("import-rubrics-result")).toContainText("1 created, 0 skipped");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("rubric-row-name")).toHaveText("Imported rubric");
});
