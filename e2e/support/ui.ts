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

/** Drops a file on an element the way a browser does: a `drop` event carrying a DataTransfer. */
export async function dropFile(page: Page, testId: string, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "application/x-ndjson" }));
      return dt;
    },
    { name, text },
  );
  await page.getByTestId(testId).dispatchEvent("drop", { dataTransfer });
}
