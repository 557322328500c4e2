// The trajectory list: episodes sent through the ingest API are filtered by outcome and by
// full text, the URL keeps the view across a reload, a header sorts by reward, the keyboard
// opens one; and screenshots at 1440 and 1024 px in both themes.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { signInThroughForm } from "./support/ui";

const outcomes = ["pass", "fail", "partial", "error"] as const;
const topics = [
  { text: "What is the weather in Paris on day", tool: "weather_get", output: "18 C and sunny" },
  { text: "Find a flight to Berlin for trip", tool: "flights_search", output: "3 flights found" },
  { text: "Book a hotel in Rome for night", tool: "hotels_book", output: "booking confirmed" },
];

/** 24 episodes: rewards all different (i * 37 % 100), outcomes in turn, the last without either. */
function episode(i: number) {
  const topic = topics[i % 3];
  const last = i === 23;
  return {
    id: `list-e2e-${i}`,
    task: { id: `travel-${i % 5}` },
    policy: { name: i % 2 ? "gpt-4o-mini" : "qwen3-4b" },
    loadingStrategy: i % 2 ? "eager" : "itl",
    contextLimit: [32768, 2048, 512][i % 3],
    ...(last ? {} : { outcome: outcomes[i % 4], reward: ((i * 37) % 100) / 100 }),
    messages: [
      { role: "system", content: "You are a travel assistant with tools." },
      { role: "user", content: `${topic.text} ${i}?` },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: `c${i}`, type: "function", function: { name: topic.tool, arguments: `{"n":${i}}` } }],
      },
      { role: "tool", tool_call_id: `c${i}`, content: i % 5 === 0 ? "error: upstream timeout" : topic.output },
      { role: "assistant", content: `Done with request ${i}.` },
    ],
  };
}

const rows = (page: Page) => page.getByTestId("trajectories-table").getByTestId("table-row");
const rewards = async (page: Page) => (await rows(page).getByTestId("reward").allTextContents()).map((t) => t.trim());
const sortByReward = (page: Page) => page.getByRole("columnheader", { name: "Reward" }).getByRole("button").click();

test("filter by outcome and text, keep the view in the URL, sort by reward, open with the keyboard", async ({
  page,
}) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Trajectory list ${Date.now()}`);
  const r = await admin.post(`/api/v1/projects/${project.id}/trajectories`, {
    data: { trajectories: Array.from({ length: 24 }, (_, i) => episode(i)) },
  });
  expect(r.status(), await r.text()).toBe(200);
  const ingested = (await r.json()) as { counts: { created: number }; results: { id: string }[] };
  expect(ingested.counts.created).toBe(24);
  const ids = ingested.results.map((x) => x.id);
  await admin.dispose();

  const listUrl = `/projects/${project.id}/trajectories`;
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, listUrl);
  await expect(rows(page)).toHaveCount(24);
  await expect(page.getByTestId("pagination-summary")).toHaveText("1–24 of 24 trajectories");

  // outcome: pass is every fourth episode
  await page.getByTestId("outcome-chip-pass").click();
  await expect(page).toHaveURL(/[?&]outcome=pass(&|$)/);
  await expect(rows(page)).toHaveCount(6);

  // full text, focused with "/": Paris is every third, so 0 and 12 among the passes
  await page.locator("body").press("/");
  await expect(page.getByTestId("trajectory-search")).toBeFocused();
  await page.keyboard.type("paris");
  await expect(page).toHaveURL(/[?&]q=paris(&|$)/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText("weather in Paris");

  // a reload (or a shared link) shows the same view
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("outcome-chip-pass")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("trajectory-search")).toHaveValue("paris");

  await page.getByTestId("clear-filters").click();
  await expect(rows(page)).toHaveCount(24);

  // a tool name typed as text is offered as the exact tool filter
  await page.getByTestId("trajectory-search").fill("hotels_book");
  await page.getByTestId("tool-search-hint").getByRole("button").click();
  await expect(page).toHaveURL(/[?&]tools=hotels_book(&|$)/);
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(rows(page)).toHaveCount(8);
  await page.getByTestId("clear-filters").click();
  await expect(rows(page)).toHaveCount(24);
  await expect(page).not.toHaveURL(/outcome=|q=/);

  // sort by reward: highest first, the episode without a reward last; then lowest first
  await sortByReward(page);
  await expect(page).toHaveURL(/[?&]sort=-reward(&|$)/);
  await expect.poll(() => rewards(page).then((x) => x.slice(0, 3))).toEqual(["0.960", "0.920", "0.850"]);
  expect((await rewards(page)).at(-1)).toBe("—");
  await sortByReward(page);
  await expect(page).toHaveURL(/[?&]sort=reward(&|$)/);
  await expect.poll(() => rewards(page).then((x) => x.slice(0, 3))).toEqual(["0.000", "0.030", "0.070"]);

  // ticking rows shows the selection bar
  await rows(page).nth(0).getByTestId("select-row").check();
  await rows(page).nth(1).getByTestId("select-row").check();
  await expect(page.getByTestId("selection-bar")).toContainText("2 selected");

  await shoot(page, "filled");

  // ? lists what this page answers to
  await page.locator("body").press("?");
  const help = page.getByTestId("shortcuts-dialog");
  for (const text of [
    "Focus the search box",
    "Next row",
    "Select or unselect the highlighted trajectory",
    "Clear the selection",
  ])
    await expect(help).toContainText(text);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // the last click highlighted the second row; k, k, j come back to it, and Enter opens it:
  // reward 0.03 is episode 19 (19 * 37 % 100 = 3)
  await page.locator("body").press("k");
  await page.locator("body").press("k");
  await expect(rows(page).nth(0)).toHaveAttribute("aria-selected", "true");
  await page.locator("body").press("j");
  await expect(rows(page).nth(1)).toHaveAttribute("aria-selected", "true");
  await page.locator("body").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/trajectories/${ids[19]}$`));
});

test("a project without trajectories says how to bring them in", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Empty list ${Date.now()}`);
  await admin.dispose();
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/trajectories`);
  await expect(page.getByText("No trajectories in this project yet")).toBeVisible();
  await expect(page.getByText(`npx atlas import episodes.jsonl --project ${project.id}`)).toBeVisible();
  await expect(page.getByText(/curl -X POST http:\/\/localhost:\d+\/api\/v1\/trajectories/)).toBeVisible();
  await shoot(page, "empty");
});

/** 1440 and 1024 px, light and dark, into test-results/trajectory-list/ to look at. */
async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const)
    for (const width of [1440, 1024]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), scheme === "dark");
      await page.screenshot({ path: `test-results/trajectory-list/${name}-${width}-${scheme}.png` });
    }
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.setViewportSize({ width: 1280, height: 720 });
}
