// Browser helpers for journeys: sign in the way a person does, through the form.
import { expect, type Page } from "@playwright/test";

export async function signInThroughForm(page: Page, email: string, password: string, next = "/") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByTestId("sign-in-email").fill(email);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The project id in a /projects/{id}/... address. */
export const projectIdFrom = (url: string) => {
  const m = /\/projects\/([0-9a-f-]{36})/.exec(url);
  if (!m) throw new Error(`no project id in ${url}`);
  return m[1];
};
