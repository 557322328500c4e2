import { describe, expect, it } from "vitest";
import { makeProject } from "@/db/test/factories";
import { connectTestDb } from "@/db/test/setup-db";
import { DEFAULT_PROMPTS } from "@/lib/runtime/strategies/prompts";
import { listPrompts } from "./list-prompts";
import { promptTemplate } from "./prompt-template";
import { savePrompt } from "./save-prompt";

const { db } = connectTestDb();

describe("strategy prompts", () => {
  it("list the built-in default per strategy; saving adds the next version, per strategy and project", async () => {
    const { project, users } = await makeProject(db);
    const projectId = project.id;
    const before = await listPrompts({ db, projectId });
    expect(before.items.map((i) => [i.strategy, i.versions.length])).toEqual([
      ["eager", 0],
      ["isl", 0],
      ["itl", 0],
      ["itl-ptc", 0],
    ]);
    expect(before.items[1]).toMatchObject({
      defaultTemplate: DEFAULT_PROMPTS.isl,
      variables: ["servers", "server_count", "tool_count"],
    });

    const save = (strategy: "isl" | "itl", template: string) =>
      savePrompt({ db, projectId, userId: users.admin.id, input: { strategy, template, note: "shorter" } });
    const v1 = await save("isl", "Servers:\n{{servers}}\nLoad one with load_server.");
    const v2 = await save("isl", "{{server_count}} servers:\n{{servers}}");
    const itl = await save("itl", "Search {{tool_count}} tools, k up to {{max_k}}.");
    expect([v1.version, v2.version, itl.version]).toEqual([1, 2, 1]);
    expect(v1).toMatchObject({ strategy: "isl", note: "shorter", createdBy: "admin" });

    const after = await listPrompts({ db, projectId });
    expect(after.items[1].versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await promptTemplate(db, projectId, "isl", v1.id)).toEqual({ template: v1.template, version: 1 });
    expect(await promptTemplate(db, projectId, "isl", null)).toEqual({ template: DEFAULT_PROMPTS.isl, version: null });
    // a version of another strategy or project, or no id at all, is not found
    await expect(promptTemplate(db, projectId, "itl", v1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(promptTemplate(db, projectId, "isl", "v1")).rejects.toMatchObject({ field: "promptVersionId" });
    const other = await makeProject(db);
    await expect(promptTemplate(db, other.project.id, "isl", v1.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listPrompts({ db, projectId: other.project.id })).items[1].versions).toEqual([]);
  });

  it("refuse a template with placeholders its strategy does not fill, naming the template field", async () => {
    const { project } = await makeProject(db);
    const save = (strategy: "eager" | "itl", template: string) =>
      savePrompt({ db, projectId: project.id, userId: null, input: { strategy, template } });
    const bad = save("eager", "You have {{tool_count}} tools on {{servers}} and {{nope}}.");
    await expect(bad).rejects.toMatchObject({ code: "VALIDATION", field: "template" });
    await expect(bad).rejects.toThrow(
      "{{servers}}, {{nope}} are not filled for eager: use {{server_count}}, {{tool_count}}",
    );
    await expect(save("itl", "   ")).rejects.toMatchObject({ issues: [{ path: ["template"] }] });
    await expect(
      savePrompt({ db, projectId: project.id, userId: null, input: { strategy: "lazy" as "itl", template: "x" } }),
    ).rejects.toMatchObject({ issues: [{ path: ["strategy"] }] });
    expect((await listPrompts({ db, projectId: project.id })).items.every((i) => i.versions.length === 0)).toBe(true);
  });
});
