// The trajectory viewer: open an episode, replay it with the keyboard, follow a deep link to a
// step, compare two runs of the same task, and open a 5 MB tool output without freezing.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, ingest, signedInContext } from "./support/api";
import { signInThroughForm } from "./support/ui";

const call = (id: string, name: string, args: string) => ({
  role: "assistant",
  content: null,
  tool_calls: [{ id, type: "function", function: { name, arguments: args } }],
});

/** A weather episode with tool loading; `city` changes the arguments of the fifth step. */
function episode(task: string, city: string, extra: Record<string, unknown> = {}) {
  const t0 = Date.parse("2026-03-01T10:00:00Z");
  const steps: Record<string, unknown>[] = [
    { message: { role: "system", content: "You answer weather questions with tools." } },
    { message: { role: "user", content: `What is the weather in ${city === "Paris" ? "Paris" : "France"}?` } },
    { message: call("c0", "load_tools", '{"query":"weather"}') },
    { message: { role: "tool", tool_call_id: "c0", content: '{"loaded":["weather_get","maps_route"]}' } },
    { message: { role: "assistant", content: "Loaded." }, toolsLoaded: ["weather_get", "maps_route"] },
    { message: call("c1", "weather_get", JSON.stringify({ city, unit: "C" })) },
    { message: { role: "tool", tool_call_id: "c1", content: JSON.stringify({ temp: 18, sky: "sunny" }) } },
    { message: call("c2", "calendar_add", "{not json") },
    { message: { role: "tool", tool_call_id: "c2", content: "unknown tool" }, error: "calendar_add is not loaded" },
  ];
  for (let i = 0; i < 20; i++) {
    steps.push({ message: call(`d${i}`, "weather_get", JSON.stringify({ city, day: i })) });
    steps.push({
      message: { role: "tool", tool_call_id: `d${i}`, content: `day ${i}: ${"mild and dry ".repeat(i * 20)}` },
    });
  }
  steps.push({ message: { role: "assistant", content: `It is 18 C and sunny in ${city}.` } });
  return {
    task: { id: task, prompt: "What is the weather?" },
    policy: { name: "qwen3-8b-itl", model: "qwen3-8b" },
    loadingStrategy: "itl",
    contextLimit: 4096,
    tools: [{ name: "load_tools" }, { name: "weather_get" }, { name: "maps_route" }, { name: "calendar_add" }],
    initialTools: ["load_tools"],
    steps: steps.map((s, i) => ({ ...s, latencyMs: 200 + i, startedAt: new Date(t0 + i * 1500).toISOString() })),
    outcome: city === "Paris" ? "pass" : "fail",
    reward: city === "Paris" ? 1 : 0.25,
    finalAnswer: `It is 18 C and sunny in ${city}.`,
    ...extra,
  };
}

async function setUp(page: Page, name: string) {
  const admin = await signedInContext();
  const project = await createProject(admin, `${name} ${Date.now()}`);
  await admin.dispose();
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}`);
  return project.id;
}

const counter = (page: Page) => page.getByTestId("step-counter");

test("the API answers one episode, one step in full, and 404 for another project's ids", async () => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Viewer API ${Date.now()}`);
  const other = await createProject(admin, `Other ${Date.now()}`);
  const [id] = await ingest(project.id, [episode("weather-api", "Paris")]);
  const path = `/api/v1/projects/${project.id}/trajectories/${id}`;

  const r = await admin.get(path);
  expect(r.status()).toBe(200);
  const t = await r.json();
  expect(t).toMatchObject({ id, stepCount: 50, policy: "qwen3-8b-itl", tokenizer: { name: "qwen3", exact: true } });
  expect(t.steps[5].message.toolCalls[0]).toMatchObject({ name: "weather_get", truncated: null });

  const step = await admin.get(`${path}/steps/6`);
  expect(step.status()).toBe(200);
  expect((await step.json()).message).toMatchObject({ role: "tool", tool_call_id: "c1" });

  const wrong = await admin.get(`${path}/steps/first`);
  expect(wrong.status()).toBe(404);
  expect((await wrong.json()).error.field).toBe("index");
  expect((await admin.get(`${path}/steps/50`)).status()).toBe(404);
  expect((await admin.get(`/api/v1/projects/${other.id}/trajectories/${id}`)).status()).toBe(404);
  expect((await admin.get(`/api/v1/projects/${other.id}/trajectories/${id}/steps/0`)).status()).toBe(404);
  await admin.dispose();
});
const contextTotal = (page: Page) => page.getByTestId("context-total");

test("replay an episode with the keyboard: the step counter and the context panel follow", async ({ page }) => {
  const projectId = await setUp(page, "Replay");
  const [id] = await ingest(projectId, [episode("weather-1", "Paris")]);
  await page.goto(`/projects/${projectId}/trajectories/${id}?step=7`);
  await expect(page.getByTestId("trajectory-header")).toContainText("qwen3-8b-itl");
  await expect(page.getByTestId("trajectory-header")).toContainText("exact");
  // the invalid arguments and the call to a tool that was never loaded are flagged
  const flagged = page.locator("[data-step-index='7']");
  await expect(flagged.getByText("arguments are not valid JSON")).toBeVisible();
  await expect(flagged.getByText("not loaded", { exact: true })).toBeVisible();

  // replay starts at the selected step; Home goes back to the first
  await page.getByTestId("replay-toggle").click();
  await expect(page).toHaveURL(/replay=1/);
  await expect(counter(page)).toContainText("#7 of 50");
  await page.keyboard.press("Home");
  await expect(counter(page)).toContainText("#0 of 50");
  await expect(page.locator("[data-step-index='0']")).toBeVisible();
  await expect(page.locator("[data-step-index='1']")).toHaveCount(0); // only steps up to the cursor
  const first = await contextTotal(page).textContent();

  await page.keyboard.press("End");
  await expect(counter(page)).toContainText("#49 of 50");
  const last = await contextTotal(page).textContent();
  expect(Number(last?.replace(/,/g, ""))).toBeGreaterThan(Number(first?.replace(/,/g, "")));
  await expect(page.locator("[data-step-index='49']")).toBeVisible();

  await page.keyboard.press("ArrowLeft");
  await expect(counter(page)).toContainText("#48 of 50");
  await page.keyboard.press("Home");
  await expect(counter(page)).toContainText("#0 of 50");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("j");
  await expect(counter(page)).toContainText("#2 of 50");

  // Space plays: the cursor moves on by itself; Space again pauses
  await page.keyboard.press("Space");
  await expect(counter(page)).not.toContainText("#2 of 50");
  await page.keyboard.press("Space");
  const paused = await counter(page).textContent();
  await page.waitForTimeout(600);
  await expect(counter(page)).toHaveText(paused ?? "");

  // the loaded-tool panel: calendar_add was called without being loaded, maps_route loaded and never used
  await page.keyboard.press("End");
  const findings = page.getByTestId("tool-findings");
  await expect(findings).toContainText("maps_route");
  await expect(findings).toContainText("calendar_add");

  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-dialog")).toContainText("Play or pause");
});

test("a deep link opens the step highlighted, and the panel says when loading was not recorded", async ({ page }) => {
  const projectId = await setUp(page, "Deep link");
  const [id] = await ingest(projectId, [episode("weather-2", "Paris")]);
  // no initial tools and no toolsLoaded: nothing to check calls against
  const [bare] = await ingest(projectId, [
    { ...episode("weather-3", "Paris"), initialTools: [], steps: [{ message: call("c1", "weather_get", "{}") }] },
  ]);
  await page.goto(`/projects/${projectId}/trajectories/${id}?step=40`);
  const step = page.locator("[data-step-index='40']");
  await expect(step).toBeVisible();
  await expect(step).toHaveAttribute("data-selected", "true");
  await expect(counter(page)).toHaveText("Step #40");

  await page.goto(`/projects/${projectId}/trajectories/${bare}?replay=1`);
  await expect(page.getByTestId("tools-not-recorded")).toContainText("Loaded-tool set not recorded");
  await expect(page.getByText("not loaded", { exact: true })).toHaveCount(0);
});

test("the diff of two runs of the same task marks the first divergence", async ({ page }) => {
  const projectId = await setUp(page, "Diff");
  const [a, b] = await ingest(projectId, [episode("weather-4", "Paris"), episode("weather-4", "Lyon")]);
  await page.goto(`/projects/${projectId}/trajectories/diff?a=${a}`);
  // B is offered among the runs of the same task
  await page.getByTestId("picker-B-select").selectOption(b);
  await expect(page).toHaveURL(new RegExp(`b=${b}`));
  const first = page.getByTestId("first-divergence");
  await expect(first).toBeVisible();
  await expect(first).toContainText("First divergence");
  await expect(first).toContainText("arguments differ");
  await expect(first.getByTestId("diff-tool-name").first()).toContainText("weather_get");
  await expect(page.getByTestId("divergence-banner")).toContainText("A step 5 / B step 5");
  await expect(page.getByTestId("diff-summary")).toContainText("0.25");

  await page.getByTestId("diff-rows").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(first).toHaveCount(0);
  await page.getByTestId("jump-divergence").click();
  await expect(page.getByTestId("first-divergence")).toBeVisible();
});

test("a 5 MB tool output expands without freezing the page", async ({ page }) => {
  const projectId = await setUp(page, "Large output");
  const big = Array.from({ length: 190_000 }, (_, i) => `${String(i).padStart(6, "0")} INFO row fetched ok\n`)
    .join("")
    .slice(0, 5_000_000);
  const [id] = await ingest(projectId, [
    {
      policy: { model: "gpt-4o-mini" },
      steps: [
        { message: { role: "user", content: "Dump the table." } },
        { message: call("c1", "sql_query", '{"sql":"select * from rows"}') },
        { message: { role: "tool", tool_call_id: "c1", content: big } },
        { message: { role: "assistant", content: "Done." } },
      ],
    },
  ]);
  await page.goto(`/projects/${projectId}/trajectories/${id}?step=2`);
  const step = page.locator("[data-step-index='2']");
  const expand = step.getByTestId("expand-text");
  await expect(expand).toContainText("4.8 MB");
  await expand.click();
  const text = step.getByTestId("large-text");
  await expect(text).toBeVisible({ timeout: 20_000 });
  await expect(text).toContainText("185,186 lines");
  // only the lines in view are drawn
  expect(await text.locator("[data-index]").count()).toBeLessThan(200);

  // a key press is answered within a second while the output is open
  const t0 = Date.now();
  await page.keyboard.press("j");
  await expect(counter(page)).toHaveText("Step #3", { timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
});
