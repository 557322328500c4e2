// Policies and strategy prompts journey: an editor adds a policy pointing at an OpenAI-compatible
// server started here, tests it (a tool call, then a text answer that says tool calling is off),
// and saves a strategy prompt version after an unknown variable is refused; screenshots at 1440 and
// 1024 px in both themes.
import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";
import { content, type OpenAITestServer, startOpenAITestServer, toolCalls } from "../test/openai-test-server";
import { createProject, signedInContext } from "./support/api";
import { shoot } from "./support/shots";
import { signInThroughForm } from "./support/ui";

let server: OpenAITestServer;
test.beforeAll(async () => {
  server = await startOpenAITestServer();
});
test.afterAll(() => server.close());

test("add a policy, test it, and save a strategy prompt version", async ({ page }) => {
  const admin = await signedInContext();
  const project = await createProject(admin, `Policies journey ${Date.now()}`);
  await signInThroughForm(page, E2E_ADMIN.email, E2E_ADMIN.password, `/projects/${project.id}/runs/policies`);
  await expect(page.getByTestId("tab-policies")).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No policies yet")).toBeVisible();
  await expect(
    page.getByText("vllm serve Qwen/Qwen3-4B --enable-auto-tool-choice --tool-call-parser hermes"),
  ).toBeVisible();
  await shoot(page, "policies-empty");

  await page.getByTestId("add-policy").first().click();
  const dialog = page.getByTestId("policy-dialog");
  await dialog.getByTestId("policy-save").click();
  await expect(dialog.getByText("give the policy a name")).toBeVisible();
  await expect(dialog.getByText("name the model as the endpoint knows it")).toBeVisible();
  await dialog.getByTestId("policy-name").fill("Qwen3-4B on vLLM");
  await dialog.getByTestId("policy-baseUrl").fill(server.url);
  await dialog.getByTestId("policy-model").fill("Qwen/Qwen3-4B");
  await dialog.getByTestId("policy-apiKey").fill("sk-e2e-policy");
  await dialog.getByTestId("policy-contextWindow").fill("40960");
  await dialog.getByTestId("policy-save").click();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId("policies-table");
  await expect(table).toContainText("Qwen3-4B on vLLM");
  await expect(table).toContainText("41k ctx · qwen3");
  await expect(table).toContainText("stored");

  server.script(toolCalls([{ name: "get_weather", arguments: { city: "Paris" } }]));
  await table.getByTestId("policy-test").click();
  await expect(table.getByTestId("policy-test-result")).toContainText(/\d+ ms/);
  await expect(table.getByTestId("policy-test-result")).toContainText('called get_weather({"city":"Paris"})');
  expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer sk-e2e-policy");
  await shoot(page, "policies");

  server.script(content("It is sunny in Paris."));
  await table.getByTestId("policy-test").click();
  await expect(table.getByTestId("policy-test-result")).toContainText("no tool call");

  const listed = await (await admin.get(`/api/v1/projects/${project.id}/policies`)).text();
  expect(listed).toContain("Qwen/Qwen3-4B");
  expect(listed).not.toContain("sk-e2e-policy");

  // strategy prompts: ISL's default, an unknown variable refused, a version saved; the preview is
  // filled from a toolspace of the project
  const space = await admin.post(`/api/v1/projects/${project.id}/toolspaces`, { data: { name: "empty office" } });
  expect(space.status()).toBe(201);
  await page.getByTestId("tab-prompts").click();
  await page.getByTestId("strategy-isl").click();
  const template = page.getByTestId("prompt-template");
  await expect(template).toHaveValue(/load_server\(name\)/);
  await template.fill("Servers ({{server_count}}):\n{{servers}}\nUse {{k}} results.");
  await expect(page.getByText("{{k}}: not a variable of ISL")).toBeVisible();
  await expect(page.getByTestId("prompt-save")).toBeDisabled();
  await template.fill(
    "You have {{server_count}} servers with {{tool_count}} tools:\n{{servers}}\nLoad one with load_server(name).",
  );
  await page.getByTestId("prompt-note").fill("shorter");
  await page.getByTestId("prompt-save").click();
  await expect(page.getByTestId("prompt-history")).toContainText("v1");
  await expect(page.getByTestId("prompt-history")).toContainText("shorter");
  await expect(page.getByTestId("strategy-isl")).toContainText("1 version");
  await expect(page.getByTestId("prompt-save")).toHaveText("Save as v2");
  await expect(page.getByTestId("prompt-preview")).toContainText("You have 0 servers with 0 tools:");
  await shoot(page, "strategy-prompts");

  // through the API too: the same refusal names the template field
  const refused = await admin.post(`/api/v1/projects/${project.id}/strategy-prompts`, {
    data: { strategy: "eager", template: "{{servers}}" },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatchObject({ field: "template" });
});
