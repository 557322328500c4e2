import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, ingest, signedInContext } from "./support/api";
import { weatherEpisode } from "./support/episodes";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

const calls = {
  id: "calls-weather",
  title: "Calls the weather tool",
  weight: 1,
  verifier: { kind: "program", check: { check: "tool-called", tool: "weather_get" } },
};
const sunny = {
  id: "says-sunny",
  title: "Says sunny",
  weight: 1,
  verifier: { kind: "program", check: { check: "final-answer-contains", text: "sunny" } },
};
const helpful = { id: "helpful", title: "Helpful tone", weight: 1, verifier: { kind: "model" } };
const noErrors = {
  id: "no-errors",
  title: "No tool errors",
  weight: 1,
  verifier: { kind: "program", check: { check: "no-tool-errors" } },
};

test("run a program-check rubric in the playground, open the evidence, compare two versions", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signedInContext();
  const project = await createProject(admin, `Playground ${Date.now()}`);
  const [paris, lyon] = await ingest(project.id, [
    weatherEpisode("pg-paris", "Paris", "sunny"),
    weatherEpisode("pg-lyon", "Lyon", "rainy"),
  ]);
  const made = await admin.post(`/api/v1/projects/${project.id}/rubrics`, {
    data: {
      name: "Weather answers",
      version: { criteria: [calls, sunny, helpful], aggregation: { rule: "weighted-mean" } },
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const rubricId = ((await made.json()) as { rubric: { id: string } }).rubric.id;
  const saved = await admin.post(`/api/v1/projects/${project.id}/rubrics/${rubricId}/versions`, {
    data: {
      criteria: [
        calls,
        { ...sunny, verifier: { kind: "program", check: { check: "final-answer-contains", text: "18 C" } } },
        noErrors,
      ],
      aggregation: { rule: "weighted-mean" },
    },
  });
  expect(saved.status(), await saved.text()).toBeLessThan(300);
  await admin.dispose();

  const base = `/projects/${project.id}/rubrics/playground`;
  await signInThroughForm(
    page,
    E2E_ADMIN.email,
    E2E_ADMIN.password,
    `${base}?rubric=${rubricId}&version=1&trajectories=${paris},${lyon}`,
  );
  await expect(page.getByTestId("tab-playground")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("picked-count")).toHaveText(/2 picked/);
  await expect(page.getByTestId("pg-coverage")).toContainText("not judged");
  await page.getByTestId("pg-run").click();

  const results = page.getByTestId("run-results");
  await expect(results.getByTestId("result-row")).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId("run-title")).toContainText("Weather answers v1");
  // the judge-less model criterion is "not judged", never a 0; program checks score 1 / 0
  const row = (text: string) => results.getByTestId("result-row").filter({ hasText: text });
  await expect(row("Paris").locator('[data-criterion="says-sunny"]')).toHaveText("1", { timeout: 60_000 });
  await expect(row("Lyon").locator('[data-criterion="says-sunny"]')).toHaveText("0");
  await expect(row("Lyon").locator('[data-criterion="helpful"]')).toHaveText("not judged");
  await expect(row("Paris").getByTestId("reward")).toContainText("1");
  await expect(results.getByTestId("criterion-mean").nth(1)).toContainText("0.5");
  const runA = new URL(page.url()).searchParams.get("run");
  expect(runA).toBeTruthy();
  await shoot(page, "playground-results");

  await row("Paris").locator('[data-criterion="calls-weather"]').click();
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText("Calls the weather tool");
  const evidence = verdict.getByTestId("evidence-link").first();
  const href = (await evidence.getAttribute("href")) as string;
  expect(href).toMatch(new RegExp(`/trajectories/${paris}\\?step=\\d+$`));
  await evidence.click();
  await expect(page).toHaveURL(new RegExp(`/trajectories/${paris}\\?step=\\d+`));
  await page.goBack();

  // version 2 on the same trajectories, then the two side by side
  await expect(page.getByTestId("pg-version")).toBeVisible();
  await page.getByTestId("pg-version").selectOption("2");
  // the choice lives in the URL (the latest version is the default, so it leaves): run once it is there
  await expect(page).not.toHaveURL(/version=1/);
  await page.getByTestId("pg-run").click();
  await expect(page.getByTestId("run-title")).toContainText("Weather answers v2", { timeout: 30_000 });
  await expect(page.getByTestId("run-results").locator('[data-criterion="no-errors"]').first()).toHaveText("1", {
    timeout: 60_000,
  });
  await page.getByTestId("recent-run").filter({ hasText: "v1" }).getByTestId("compare-run").click();
  const compare = page.getByTestId("run-compare");
  await expect(compare.getByTestId("compare-row")).toHaveCount(2);
  await expect(compare.locator('[data-testid="compare-criterion"][data-only="A"]')).toContainText("No tool errors");
  await expect(compare.locator('[data-testid="compare-criterion"][data-only="B"]')).toContainText("Helpful tone");
  // "Says sunny" now checks for "18 C": Lyon goes from 0 to 1
  await expect(
    compare.getByTestId("compare-row").filter({ hasText: "Lyon" }).locator('[data-changed="yes"]').first(),
  ).toBeVisible();
  expect(page.url()).toContain(`compare=${runA}`);
  await shoot(page, "playground-compare");
});
