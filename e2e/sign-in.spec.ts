// Signing in through the form: the right password lands on the page that was asked for, a
// wrong one says so next to the form and signs nobody in.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

test("an unauthenticated visit goes to sign-in and comes back after signing in", async ({ page }) => {
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects$/);
  await page.getByTestId("sign-in-email").fill(E2E_ADMIN.email);
  await page.getByTestId("sign-in-password").fill(E2E_ADMIN.password);
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toContainText(E2E_ADMIN.email);
});

test("a wrong password shows an error and keeps you on the form", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-email").fill(E2E_ADMIN.email);
  await page.getByTestId("sign-in-password").fill("not-the-password");
  await page.getByTestId("sign-in-submit").click();
  const error = page.getByTestId("sign-in-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("do not match");
  await expect(page).toHaveURL(/\/sign-in/);
  // nobody was signed in: a protected page still sends us to the form
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an empty form is answered next to its fields", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});
