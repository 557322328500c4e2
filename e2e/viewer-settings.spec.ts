// A viewer sees no Settings link, and opening settings directly explains why it is closed.
import { expect, test } from "@playwright/test";
import { addMember, createProject, signedInContext, uniqueEmail } from "./support/api";
import { signInThroughForm } from "./support/ui";

test("a viewer cannot reach settings, and is told why", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Viewer journey ${Date.now()}`);
  const email = uniqueEmail("viewer");
  const member = await addMember(admin, project.id, email, "viewer");
  await admin.dispose();
  expect(member.initialPassword).toBeTruthy();

  await signInThroughForm(page, email, member.initialPassword!, `/projects/${project.id}`);
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}$`));
  await expect(page.getByTestId("current-role")).toContainText("viewer");
  await expect(page.getByTestId("nav-jobs")).toBeVisible();
  await expect(page.getByTestId("nav-settings")).toHaveCount(0);

  for (const path of ["settings", "settings/members", "settings/api-keys"]) {
    await page.goto(`/projects/${project.id}/${path}`);
    const message = page.getByTestId("settings-need-admin");
    await expect(message).toBeVisible();
    await expect(message).toContainText("Settings need the admin role in this project; you are a viewer");
    await expect(page.getByTestId("member-email")).toHaveCount(0);
    await expect(page.getByTestId("api-key-create")).toHaveCount(0);
  }

  // a viewer reads jobs but launches none
  await page.goto(`/projects/${project.id}/jobs`);
  await expect(page.getByTestId("jobs-table")).toBeVisible();
  await expect(page.getByTestId("export-project")).toHaveCount(0);
});
