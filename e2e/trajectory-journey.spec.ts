// The trajectory journey end to end, as one researcher does it: drop a JSONL file on the import
// dialog, find an episode with full-text search and open it from the keyboard, replay it with
// the keyboard, compare two runs of one task from the list, send one to an annotation queue,
// label it there, and see the label in the list.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { dropFile, signInThroughForm } from "./support/ui";

const call = (id: string, city: string) => ({
  role: "assistant",
  content: null,
  tool_calls: [{ id, type: "function", function: { name: "weather_get", arguments: JSON.stringify({ city }) } }],
});
const episode = (id: string, task: string, city: string, answer: string, reward: number) => ({
  id,
  task: { id: task, prompt: `What is the weather in ${city.split(",")[0]}?` },
  policy: { name: id.endsWith("b") ? "qwen3-4b-itl" : "qwen3-4b-eager", model: "Qwen/Qwen3-4B" },
  reward,
  outcome: reward > 0.5 ? "pass" : "fail",
  messages: [
    { role: "system", content: "Answer with the tools you have." },
    { role: "user", content: `What is the weather in ${city.split(",")[0]}?` },
    call("c1", city),
    { role: "tool", tool_call_id: "c1", content: `${city}: 18 C, sunny` },
    { role: "assistant", content: answer },
  ],
});
const file = [
  episode("paris-a", "weather-paris", "Paris", "It is 18 C and sunny in Paris.", 1),
  episode("paris-b", "weather-paris", "Paris, TX", "It is 18 C in Paris, Texas.", 0.2),
  episode("lyon-a", "weather-lyon", "Lyon", "Lyon has a mild afternoon.", 0.9),
]
  .map((e) => JSON.stringify(e))
  .join("\n");

const rows = (page: Page) => page.getByTestId("trajectories-table").getByTestId("table-row");

test("import, find, replay, compare, queue and label trajectories in the browser", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Trajectory journey ${Date.now()}`);
  const list = `/projects/${project.id}/trajectories`;
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, list);

  // import by drag and drop
  await page.getByTestId("import-trajectories").first().click();
  const dialog = page.getByTestId("import-dialog");
  await dropFile(page, "import-drop-zone", "weather.jsonl", file);
  await expect(dialog.getByTestId("import-sample-counts")).toHaveText("3 records: 3 valid");
  await dialog.getByTestId("import-start").click();
  await expect(dialog.getByTestId("import-progress")).toHaveAttribute("data-status", "succeeded", {
    timeout: 30_000,
  });
  await expect(dialog.getByTestId("import-created")).toHaveAttribute("data-value", "3");
  await page.keyboard.press("Escape");
  await expect(dialog).not.toBeVisible();
  await expect(rows(page)).toHaveCount(3);

  // filter to one trajectory with full-text search, open it with the keyboard
  await page.locator("body").press("/");
  await page.keyboard.type("lyon");
  await expect(page).toHaveURL(/[?&]q=lyon(&|$)/);
  await expect(rows(page)).toHaveCount(1);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.locator("body").press("j");
  await page.locator("body").press("Enter");
  await expect(page).toHaveURL(new RegExp(`${list}/[0-9a-f-]{36}`));
  await expect(page.getByTestId("trajectory-header")).toContainText("qwen3");

  // replay with the keyboard: the step counter and the context at the cursor follow
  await page.locator("body").press("r");
  const counter = page.getByTestId("step-counter");
  await page.keyboard.press("Home");
  const atStart = await counter.textContent();
  const contextAtStart = await page.getByTestId("context-total").textContent();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(counter).not.toHaveText(atStart ?? "");
  await page.keyboard.press("End");
  await expect(page.getByTestId("context-total")).not.toHaveText(contextAtStart ?? "");
  await expect(page).toHaveURL(/[?&]step=4/);

  // compare the two Paris runs from the list
  await page.goto(`${list}?q=paris`);
  await expect(rows(page)).toHaveCount(2);
  await rows(page).nth(0).getByTestId("select-row").check();
  await rows(page).nth(1).getByTestId("select-row").check();
  await page.getByTestId("compare-selected").click();
  await expect(page).toHaveURL(/\/trajectories\/diff\?a=.+&b=.+/);
  await expect(page.getByTestId("first-divergence").getByTestId("diff-tool-name").first()).toContainText("weather_get");

  // a label schema and a queue the admin is assigned to, then the list sends one episode there
  const schema = await (
    await admin.post(`/api/v1/projects/${project.id}/label-schemas`, {
      data: { name: "Answer quality", kind: "categorical", categories: [{ value: "good" }, { value: "bad" }] },
    })
  ).json();
  const me = await (await admin.get("/api/v1/me")).json();
  const queue = await (
    await admin.post(`/api/v1/projects/${project.id}/queues`, {
      data: { name: "Journey queue", labelSchemaIds: [schema.id], assigneeIds: [me.user.id] },
    })
  ).json();
  expect(queue.id, JSON.stringify(queue)).toBeTruthy();
  await page.goto(`${list}?q=lyon`);
  await rows(page).nth(0).getByTestId("select-row").check();
  await page.getByTestId("add-to-queue").click();
  await page.getByRole("radio", { name: /Journey queue/ }).check();
  await page.getByTestId("add-to-queue-submit").click();
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);

  // label it in the queue with the keyboard
  await page.goto(`/projects/${project.id}/labeling/${queue.id}/work`);
  await expect(page.getByTestId("work-transcript")).toContainText("Lyon has a mild afternoon.");
  await expect(page.getByTestId("label-choices")).toBeFocused();
  await page.keyboard.press("1");
  await expect(page.getByTestId("label-field")).toContainText("saved");
  await page.keyboard.press("Enter");

  // the label shows in the list, and the labeled filter finds it
  await page.goto(`${list}?labels=labeled`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).nth(0)).toContainText("Lyon");
  await admin.dispose();
});
