import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { trajectoryInput } from "@/lib/trajectories/format";
import { mcpAtlasTrajectories, parseMcpAtlasCsv } from "./mcp-atlas";

const csv = fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8");

describe("MCP-Atlas reference trajectories", () => {
  const trajectories = mcpAtlasTrajectories(csv);

  it("makes one canonical trajectory per task of the real sample file", () => {
    expect(trajectories).toHaveLength(10);
    // the prompt as a user message, then the recorded assistant/tool messages
    expect(trajectories.map((t) => t.steps.length)).toEqual([11, 9, 9, 9, 7, 11, 11, 9, 9, 9]);
    for (const t of trajectories) expect(trajectoryInput.safeParse(t).error).toBeUndefined();
  });

  it("keeps the task, the enabled tools, the claims and the last assistant text", () => {
    const [first] = trajectories;
    const task = parseMcpAtlasCsv(csv)[0];
    expect(first.id).toBe("mcp-atlas:688ba1b3e95696e72dd93e8d:reference");
    expect(first.task).toEqual({ id: task.externalId, prompt: task.prompt, taskSet: "MCP-Atlas sample" });
    expect(first.steps[0].message).toEqual({ role: "user", content: task.prompt });
    expect(first.initialTools).toEqual(task.enabledTools);
    expect(first.initialTools).toHaveLength(15);
    expect(first).toMatchObject({ loadingStrategy: "eager", policy: { name: "human reference" } });
    expect(first.metadata).toEqual({ source: "mcp-atlas", claims: task.claims });
    const assistants = first.steps.filter((s) => s.message.role === "assistant");
    expect(first.finalAnswer).toBe(assistants.at(-1)?.message.content);
  });

  it("names tool messages after the call they answer, content kept as a list of {text}", () => {
    const tool = trajectories[0].steps[2].message as { role: string; name?: string; content: unknown };
    expect(tool.role).toBe("tool");
    expect(tool.name).toBe("wikipedia_get_article");
    expect(Array.isArray(tool.content)).toBe(true);
    expect((tool.content as { text: string }[])[0].text).toContain("Guggenheim");
  });

  it("names the row and field of a malformed record", () => {
    const bad = 'TASK,ENABLED_TOOLS,PROMPT,TRAJECTORY,GTFA_CLAIMS\nt1,"[""a""]",hello,"{}","[]"\n';
    expect(() => mcpAtlasTrajectories(bad)).toThrow("Row 2: TRAJECTORY must be a JSON list");
  });
});
