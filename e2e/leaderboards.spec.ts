// Leaderboards: benchmark runs on a task set, seeded in the database as the runner leaves them,
// are ranked; a header sorts (kept in the URL), a figure opens the trajectories behind it, the
// chart shows each run and the Pareto front; a project without runs is taught how to get one.
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { e2eSql } from "./support/db";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

type Episode = { task: number; reward: number | null; outcome: "pass" | "fail" | "error"; context: number };
type RunSeed = { name: string; strategy: string; policy: string; checkpoint?: string; episodes: Episode[] };

const ep = (task: number, reward: number | null, outcome: Episode["outcome"], context: number): Episode => ({
  task,
  reward,
  outcome,
  context,
});

// eager: best score, most context; itl: cheap and nearly as good; isl: beaten by itl on both
const runsSeed: RunSeed[] = [
  {
    name: "qwen3-4b eager",
    strategy: "eager",
    policy: "Qwen3 4B",
    episodes: [ep(0, 1, "pass", 9200), ep(1, 1, "pass", 9400), ep(2, 0.5, "fail", 9100), ep(3, 1, "pass", 9300)],
  },
  {
    name: "qwen3-4b itl",
    strategy: "itl",
    policy: "Qwen3 4B",
    episodes: [ep(0, 1, "pass", 1800), ep(1, 0.5, "fail", 2100), ep(2, 1, "pass", 1900), ep(3, null, "error", 1500)],
  },
  {
    name: "qwen3-4b isl",
    strategy: "isl",
    policy: "Qwen3 4B",
    checkpoint: "step-400",
    episodes: [ep(0, 0.5, "fail", 4100), ep(1, 0, "fail", 3900), ep(2, 0.5, "fail", 4000), ep(3, 0, "fail", 4200)],
  },
];

async function seedBoard(projectId: string) {
  const sql = e2eSql();
  try {
    const [set] =
      await sql`insert into task_sets (project_id, name) values (${projectId}, 'Offline tasks') returning id`;
    const tasks = await sql`insert into tasks (project_id, task_set_id, external_id, prompt, metadata)
      select ${projectId}, ${set.id}, 'OFF-0' || g, 'Task ' || g,
        jsonb_build_object('category', case when g <= 2 then 'compute' else 'state-change' end)
      from generate_series(1, 4) g order by g returning id`;
    const runIds: string[] = [];
    for (const r of runsSeed) {
      const config = {
        taskSetId: set.id,
        strategy: r.strategy,
        checkpoint: r.checkpoint ?? null,
        policy: { name: r.policy, model: "qwen3-4b" },
      };
      const [run] = await sql`insert into runs (project_id, kind, name, status, config)
        values (${projectId}, 'benchmark', ${r.name}, 'succeeded', ${sql.json(config)}) returning id`;
      runIds.push(run.id);
      for (const [i, e] of r.episodes.entries()) {
        const [t] =
          await sql`insert into trajectories (project_id, run_id, task_id, client_id, outcome, reward, step_count,
            summary, loading_strategy, tool_call_count, peak_context_tokens, duration_ms, metadata)
          values (${projectId}, ${run.id}, ${tasks[e.task].id}, ${`${r.strategy}-${i}`}, ${e.outcome}, ${e.reward}, 4,
            ${`Task ${e.task + 1} with ${r.strategy}`}, ${r.strategy}, 1, ${e.context}, ${1000 + i * 250},
            ${sql.json({ episodeId: `${run.id}-${i}` })})
          returning id`;
        await sql`insert into trajectory_steps (trajectory_id, index, role, message)
          select ${t.id}, s, case s when 0 then 'user' when 2 then 'tool' else 'assistant' end,
            jsonb_build_object('role', case s when 0 then 'user' when 2 then 'tool' else 'assistant' end, 'content', 'step ' || s)
          from generate_series(0, 3) s`;
      }
    }
    // a run still waiting for its episodes
    await sql`insert into runs (project_id, kind, name, status, config)
      values (${projectId}, 'benchmark', 'qwen3-4b itl-ptc', 'queued', ${sql.json({ taskSetId: set.id, strategy: "itl-ptc" })})`;
    return { taskSetId: set.id as string, runIds };
  } finally {
    await sql.end();
  }
}

const rows = (page: Page) => page.getByTestId("lb-table").getByTestId("table-row");
const runNames = (page: Page) => rows(page).locator("td:first-child a").allTextContents();

test("rank runs, sort, drill into the trajectories, see the Pareto front", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Leaderboard ${Date.now()}`);
  const seeded = await seedBoard(project.id);

  const api = await admin.get(`/api/v1/projects/${project.id}/leaderboards`);
  expect(api.status(), await api.text()).toBe(200);
  const board = await api.json();
  expect(board.taskSet.id).toBe(seeded.taskSetId);
  expect(board.paretoFront).toEqual([seeded.runIds[1], seeded.runIds[0]]);
  const bad = await admin.get(`/api/v1/projects/${project.id}/leaderboards?taskSetId=nope`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("taskSetId");
  await admin.dispose();

  const url = `/projects/${project.id}/leaderboards`;
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, url);
  await expect(page.getByRole("heading", { name: "Leaderboards" })).toBeVisible();
  await expect(rows(page)).toHaveCount(4, { timeout: 15_000 });
  // highest mean reward first: eager 0.88, itl 0.63 (the errored episode counts 0), isl 0.25, queued last
  expect(await runNames(page)).toEqual(["qwen3-4b eager", "qwen3-4b itl", "qwen3-4b isl", "qwen3-4b itl-ptc"]);
  const itlRow = rows(page).filter({ hasText: "qwen3-4b itl" }).first();
  await expect(itlRow.getByTestId("lb-mean")).toContainText(/0\.63 \[\d\.\d\d, \d\.\d\d\]/);
  await expect(itlRow).toContainText("1 err");
  await expect(page.getByRole("columnheader", { name: "compute" })).toBeVisible();

  // sort by context from the keyboard: most first (numbers start descending), then cheapest first; the URL keeps it
  const contextHeader = page.getByRole("columnheader", { name: "Context" }).getByRole("button");
  await contextHeader.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=-context/);
  expect(await runNames(page)).toEqual(["qwen3-4b eager", "qwen3-4b isl", "qwen3-4b itl", "qwen3-4b itl-ptc"]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=context/);
  expect(await runNames(page)).toEqual(["qwen3-4b itl", "qwen3-4b isl", "qwen3-4b eager", "qwen3-4b itl-ptc"]);
  await page.reload();
  await expect(rows(page)).toHaveCount(4, { timeout: 15_000 });
  expect(await runNames(page)).toEqual(["qwen3-4b itl", "qwen3-4b isl", "qwen3-4b eager", "qwen3-4b itl-ptc"]);

  // the chart: one point per run with scores, the front through itl and eager
  const chart = page.getByTestId("lb-chart");
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId("lb-point")).toHaveCount(3);
  await expect(chart.getByTestId("lb-front")).toBeVisible();
  await chart.getByTestId("lb-point").first().focus();
  await expect(chart.getByTestId("lb-tip")).toContainText(/qwen3-4b \w+/);
  await expect(chart.getByTestId("lb-tip")).toContainText("reward");

  await shoot(page, "leaderboard");

  // drill down: the itl run's errored episode, then all of its episodes
  await itlRow.getByRole("link", { name: "1 err" }).click();
  await expect(page).toHaveURL(new RegExp(`/trajectories\\?runId=${seeded.runIds[1]}&outcome=error`));
  await expect(page.getByTestId("trajectories-table").getByTestId("table-row")).toHaveCount(1);
  await page.goBack();
  await rows(page).filter({ hasText: "qwen3-4b itl" }).first().getByTestId("lb-episodes").click();
  await expect(page).toHaveURL(new RegExp(`/trajectories\\?runId=${seeded.runIds[1]}`));
  await expect(page.getByTestId("trajectories-table").getByTestId("table-row")).toHaveCount(4);
});

test("a project without benchmark runs is told how to start one", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Empty leaderboard ${Date.now()}`);
  await admin.dispose();
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/leaderboards`);
  await expect(page.getByText("No benchmark runs yet")).toBeVisible();
  await expect(page.locator("code", { hasText: "npx atlas bench run" })).toBeVisible();
  await expect(page.getByTestId("lb-empty-runs")).toHaveAttribute("href", `/projects/${project.id}/runs`);
  await shoot(page, "leaderboard-empty");
});
