// Labeling: an editor makes a categorical label schema and a queue of two trajectories and
// assigns a labeler; the labeler labels both with the keyboard alone; progress and the label
// export show it. Viewers cannot label and labelers cannot make queues.
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { addMember, createProject, ingest, signedInContext, uniqueEmail } from "./support/api";
import { weatherEpisode } from "./support/episodes";
import { signInThroughForm } from "./support/ui";

type Member = { email: string; password: string; userId: string };

async function member(admin: APIRequestContext, projectId: string, role: string): Promise<Member> {
  const email = uniqueEmail(role);
  const m = await addMember(admin, projectId, email, role);
  return { email, password: m.initialPassword as string, userId: m.userId };
}

async function signedInPage(browser: Browser, m: Member, path: string) {
  const page = await (await browser.newContext()).newPage();
  await signInThroughForm(page, m.email, m.password, path);
  return page;
}

/** The value of the one label field on the work screen, once the save has come back. */
const savedChoice = (page: Page) => page.getByTestId("label-choice").and(page.locator("[aria-checked=true]"));

test("an editor sets up a queue and a labeler labels it with the keyboard alone", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInContext();
  const project = await createProject(admin, `Labeling journey ${Date.now()}`);
  const [editor, labeler, viewer] = [
    await member(admin, project.id, "editor"),
    await member(admin, project.id, "labeler"),
    await member(admin, project.id, "viewer"),
  ];
  const [paris, lyon] = await ingest(project.id, [
    weatherEpisode("ep-paris", "Paris"),
    weatherEpisode("ep-lyon", "Lyon"),
  ]);
  await admin.dispose();
  const base = `/projects/${project.id}/labeling`;

  // the editor: a categorical schema, then a queue with both trajectories and the labeler on it
  const ed = await signedInPage(browser, editor, `${base}/schemas`);
  await ed.getByTestId("new-schema").first().click();
  const dialog = ed.getByTestId("label-schema-dialog");
  await dialog.getByTestId("schema-name").fill("Verdict");
  await expect(dialog.getByTestId("schema-kind")).toHaveValue("categorical");
  // a categorical schema without categories is refused, naming the field
  await dialog.getByTestId("schema-save").click();
  await expect(dialog.getByRole("alert")).toContainText("at least two categories");
  await dialog.getByTestId("category-value").nth(0).fill("correct");
  await dialog.getByTestId("category-value").nth(1).fill("wrong");
  await dialog.getByTestId("schema-save").click();
  await expect(dialog).not.toBeVisible();
  await expect(ed.getByTestId("schema-row-name")).toHaveText(["Verdict"]);

  await ed.getByTestId("tab-queues").click();
  await ed.getByTestId("new-queue").first().click();
  const qd = ed.getByTestId("queue-dialog");
  await qd.getByTestId("queue-name").fill("Weather round 1");
  await qd.getByRole("checkbox", { name: /Verdict/ }).check();
  await qd.getByTestId("queue-save").click();
  await expect(qd).not.toBeVisible();
  await ed.getByTestId("queue-link").filter({ hasText: "Weather round 1" }).click();
  await expect(ed.getByTestId("queue-title")).toHaveText("Weather round 1");
  const queueId = ed.url().split("/").pop() as string;

  // the trajectory list hands ids to the queue (its selection calls this endpoint)
  const added = await ed.request.post(`/api/v1/projects/${project.id}/queues/${queueId}/items`, {
    data: { trajectoryIds: [paris, lyon, paris] },
  });
  expect(await added.json()).toEqual({ added: 2, skipped: 1, total: 2 });
  await ed.reload();
  await expect(ed.getByTestId("queue-items").getByTestId("table-row")).toHaveCount(2);

  await ed.getByTestId("edit-assignees").click();
  const ad = ed.getByTestId("assignees-dialog");
  await expect(ad.getByTestId("assignee-option")).toHaveCount(3); // admin, editor, labeler: not the viewer
  await ad.getByRole("checkbox", { name: new RegExp(labeler.email) }).check();
  await ad.getByTestId("assignees-save").click();
  await expect(ed.getByTestId("assignee-progress")).toHaveCount(1);
  await expect(ed.getByTestId("assignee-progress")).toContainText("0 / 2 done");

  // the labeler: no way to make queues, and the API agrees
  const lb = await signedInPage(browser, labeler, base);
  await expect(lb.getByTestId("queue-mine")).toHaveText("0 / 2 done");
  await expect(lb.getByTestId("new-queue")).toHaveCount(0);
  const refused = await lb.request.post(`/api/v1/projects/${project.id}/queues`, {
    data: { name: "Mine", labelSchemaIds: [] },
  });
  expect(refused.status()).toBe(403);

  // the work screen, keyboard only: 1 = correct, Enter saves, marks done and moves on
  await lb.goto(`${base}/${queueId}/work`);
  await expect(lb.getByTestId("work-position")).toHaveText("Item 1 of 2");
  await expect(lb.getByTestId("work-transcript")).toContainText("It is 18 C and sunny in Paris.");
  await expect(lb.getByTestId("work-progress")).toContainText("0 / 2 done by you");
  await expect(lb.getByTestId("label-choices")).toBeFocused();
  await lb.keyboard.press("1");
  await expect(savedChoice(lb)).toContainText("correct");
  await expect(lb.getByTestId("label-field")).toContainText("saved");
  await lb.keyboard.press("Enter");

  await expect(lb.getByTestId("work-position")).toHaveText("Item 2 of 2");
  await expect(lb.getByTestId("work-transcript")).toContainText("sunny in Lyon");
  await expect(lb.getByTestId("work-progress")).toContainText("1 / 2 done by you");
  await expect(savedChoice(lb)).toHaveCount(0);
  await lb.keyboard.press("2");
  await expect(savedChoice(lb)).toContainText("wrong");
  await expect(lb.getByTestId("label-field")).toContainText("saved");
  await lb.keyboard.press("Enter");
  await expect(lb.getByTestId("work-finished")).toContainText("every item");
  await expect(lb.getByText("2 / 2 done by you")).toBeVisible();

  // back on the queue page: 2 / 2 for the labeler and a done mark on each item
  await lb.goto(`${base}/${queueId}`);
  await expect(lb.getByTestId("assignee-progress")).toContainText("2 / 2 done");
  await expect(lb.getByTestId("queue-progress")).toHaveAttribute("data-done", "2");
  await expect(lb.getByTestId("done-mark")).toHaveCount(2);

  // the export holds both labels, by the labeler, as a named download
  const csv = await lb.request.get(`/api/v1/projects/${project.id}/labels/export?format=csv&queueId=${queueId}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="labels-weather-round-1-.*\.csv"/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe(
    "trajectoryId,clientId,stepIndex,schema,kind,level,value,authorEmail,authorName,createdAt,updatedAt",
  );
  expect(lines.slice(1).map((l) => l.split(",").slice(1, 2).concat(l.split(",")[6]))).toEqual([
    ["ep-paris", "correct"],
    ["ep-lyon", "wrong"],
  ]);
  const jsonl = await lb.request.get(`/api/v1/projects/${project.id}/labels/export?format=jsonl`);
  const rows = (await jsonl.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(rows.map((r) => [r.trajectoryId, r.value, r.authorEmail])).toEqual([
    [paris, "correct", labeler.email],
    [lyon, "wrong", labeler.email],
  ]);

  // a viewer reads the queue but cannot label, in the studio or through the API
  const vw = await signedInPage(browser, viewer, `${base}/${queueId}`);
  await expect(vw.getByTestId("queue-title")).toHaveText("Weather round 1");
  await expect(vw.getByTestId("start-labeling")).toHaveCount(0);
  await vw.goto(`${base}/${queueId}/work`);
  await expect(vw.getByText("Labeling needs the labeler role")).toBeVisible();
  const schemas = await (await vw.request.get(`/api/v1/projects/${project.id}/label-schemas`)).json();
  const put = await vw.request.put(`/api/v1/projects/${project.id}/trajectories/${paris}/labels`, {
    data: { labelSchemaId: schemas.items[0].id, value: "wrong" },
  });
  expect(put.status()).toBe(403);
});
