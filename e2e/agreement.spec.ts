import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, ingest, signedInContext } from "./support/api";
import { weatherEpisode } from "./support/episodes";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

test("labels tied to a criterion and a judging run give kappa; disagreements go to a queue", async ({ page }) => {
  test.setTimeout(150_000);
  const admin = await signedInContext();
  const project = await createProject(admin, `Agreement ${Date.now()}`);
  const p = `/api/v1/projects/${project.id}`;
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/rubrics/agreement`);
  // nothing tied yet: the page teaches the three steps
  await expect(page.getByText("No labels are tied to a rubric criterion yet")).toBeVisible();
  await shoot(page, "agreement-empty");

  const ids = await ingest(project.id, [
    weatherEpisode("ag-paris", "Paris", "sunny"),
    weatherEpisode("ag-lyon", "Lyon", "rainy"),
    weatherEpisode("ag-nice", "Nice", "sunny"),
    weatherEpisode("ag-brest", "Brest", "rainy"),
  ]);
  const criterion = {
    id: "says-sunny",
    title: "Says sunny",
    weight: 1,
    verifier: { kind: "program", check: { check: "final-answer-contains", text: "sunny" } },
  };
  const made = await admin.post(`${p}/rubrics`, {
    data: { name: "Sunny answers", version: { criteria: [criterion], aggregation: { rule: "weighted-mean" } } },
  });
  expect(made.status(), await made.text()).toBe(201);
  const rubric = ((await made.json()) as { rubric: { id: string; versions: { id: string }[] } }).rubric;
  const schema = await admin.post(`${p}/label-schemas`, {
    data: { name: "Sunny?", kind: "binary", rubricId: rubric.id, criterionId: "says-sunny" },
  });
  expect(schema.status(), await schema.text()).toBe(201);
  const schemaId = ((await schema.json()) as { id: string }).id;
  // people: Paris yes, Lyon no, Nice yes, Brest yes (the judge will say no: one disagreement)
  for (const [i, value] of [true, false, true, true].entries()) {
    const r = await admin.put(`${p}/trajectories/${ids[i]}/labels`, { data: { labelSchemaId: schemaId, value } });
    expect(r.status(), await r.text()).toBe(200);
  }
  const run = await admin.post(`${p}/judging-runs`, {
    data: { rubricVersionId: rubric.versions[0].id, trajectoryIds: ids },
  });
  expect(run.status(), await run.text()).toBe(202);
  const runId = ((await run.json()) as { id: string }).id;
  await expect
    .poll(async () => ((await (await admin.get(`${p}/judging-runs/${runId}`)).json()) as { status: string }).status, {
      timeout: 60_000,
    })
    .toBe("succeeded");
  await admin.dispose();

  await page.reload();
  const row = page.getByTestId("agreement-row").first();
  await expect(row).toContainText("Program checks");
  // [[2,1],[0,1]]: agreement 75%, kappa (0.75 - 0.5) / 0.5 = 0.50
  await expect(row).toContainText("75.0%");
  await expect(row.getByTestId("kappa")).toContainText("0.50");
  await row.click();
  await expect(page.getByTestId("confusion-matrix")).toBeVisible();
  await expect(page.getByTestId("disagreements")).toContainText("Brest");
  await shoot(page, "agreement");

  await page.getByTestId("send-disagreements").click();
  const sent = page.getByTestId("sent-queue");
  await expect(sent).toContainText("Sent 1 to Disagreements: Says sunny vs Program checks");
  await sent.getByRole("link").click();
  await expect(page).toHaveURL(/\/labeling\/[0-9a-f-]{36}/);
  await expect(page.getByText("Disagreements: Says sunny vs Program checks").first()).toBeVisible();
});
