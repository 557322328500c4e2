import fs from "node:fs";
import type { Page } from "@playwright/test";

const shots = process.env.SHOTS_DIR;

/** With SHOTS_DIR set, screenshots of the page at 1440 and 1024 px in both themes, to look at. */
export async function shoot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  for (const theme of ["light", "dark"])
    for (const width of [1440, 1024]) {
      await page.evaluate((t) => {
        localStorage.setItem("atlas-theme", t);
        document.documentElement.classList.toggle("dark", t === "dark");
      }, theme);
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/${name}-${width}-${theme}.png`, fullPage: true });
    }
  await page.evaluate(() => document.documentElement.classList.toggle("dark", false));
  await page.setViewportSize({ width: 1440, height: 900 });
}
