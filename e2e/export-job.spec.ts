// Export a project of 20,000 trajectories from the Jobs page: progress moves on screen while
// the job runs (live, without reload), and the finished export downloads as a gzip file.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { createProject, signedInContext } from "./support/api";
import { seedTrajectories } from "./support/db";
import { signInThroughForm } from "./support/ui";

test("export shows live progress, then downloads a gzip archive", async ({ page }) => {
  test.setTimeout(180_000);
  const admin = await signedInContext();
  const project = await createProject(admin, `Export journey ${Date.now()}`);
  await seedTrajectories(project.id, 20_000);
  await admin.dispose();

  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/jobs`);
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/jobs$`));
  await expect(page.getByTestId("jobs-table")).toContainText("No jobs yet");

  await page.getByTestId("export-project").click();
  const row = page.getByTestId("jobs-table").getByTestId("table-row").first();
  await expect(row).toBeVisible();
  const progress = row.getByTestId("job-progress");
  const status = row.getByTestId("job-status");

  // sample what the screen shows until the job has finished
  const seen: Array<{ done: number; total: number | null; status: string | null }> = [];
  const deadline = Date.now() + 150_000;
  for (;;) {
    const done = Number(await progress.getAttribute("data-done"));
    const totalAttr = await progress.getAttribute("data-total");
    const s = await status.getAttribute("data-status");
    seen.push({ done, total: totalAttr ? Number(totalAttr) : null, status: s });
    if (s === "succeeded" || s === "failed" || s === "cancelled") break;
    if (Date.now() > deadline) throw new Error(`the export did not finish; last seen ${JSON.stringify(seen.at(-1))}`);
    await page.waitForTimeout(100);
  }
  expect(seen.at(-1)?.status, JSON.stringify(seen.at(-1))).toBe("succeeded");
  const intermediate = seen.filter((x) => x.total !== null && x.done > 0 && x.done < x.total);
  expect(intermediate.length, `progress samples: ${JSON.stringify(seen.slice(0, 20))}…`).toBeGreaterThan(0);
  const last = seen.at(-1)!;
  expect(last.done).toBe(last.total);

  // the download link appears in the row once the export has succeeded
  const downloadPromise = page.waitForEvent("download");
  await row.getByTestId("job-download").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.gz$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(1000);
  expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip magic number

  // the job's own page tells the same story
  await row.getByRole("link", { name: "Export project" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/jobs/[0-9a-f-]{36}$`));
  const detail = page.getByRole("main");
  await expect(detail.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 15_000 });
  await expect(detail.getByTestId("job-progress")).toHaveAttribute("data-done", String(last.done));
  await expect(detail.getByTestId("job-result")).toContainText("records");
  await expect(detail.getByTestId("job-download")).toBeVisible();
  await expect(detail.getByTestId("job-log")).toContainText("Succeeded");
});
