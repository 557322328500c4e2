import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMcpAtlasCsv } from "@/lib/imports/formats/mcp-atlas";
import { parseCatalogue } from "@/lib/toolspaces/server/import-catalogue";
import { parseTau2Tasks, tau2Prompt } from "./import-tau2-tasks";

const fixture = (f: string) => fs.readFileSync(`db/seed/data/${f}`, "utf8");

describe("fixture parsers", () => {
  it("reads the MCP-Atlas CSV with its multi-line JSON fields", () => {
    const tasks = parseMcpAtlasCsv(fixture("sample_tasks.csv"));
    expect(tasks).toHaveLength(10);
    expect(tasks[0].externalId).toBe("688ba1b3e95696e72dd93e8d");
    expect(tasks[0].claims[0]).toBe("The lead architect of the Guggenheim Museum in Bilbao is Frank Gehry.");
    expect(tasks.every((t) => t.enabledTools.length >= 13 && t.trajectory.length > 0)).toBe(true);
  });

  it("names the row of a malformed record", () => {
    const bad = 'TASK,ENABLED_TOOLS,PROMPT,TRAJECTORY,GTFA_CLAIMS\nt1,"[""a""]",hello,[],"[not json"\n';
    expect(() => parseMcpAtlasCsv(bad)).toThrow("Row 2: GTFA_CLAIMS is not valid JSON");
  });

  it("reads the tau2-bench airline tasks and builds the user's prompt", () => {
    const tasks = parseTau2Tasks(fixture("tasks.json"));
    expect(tasks).toHaveLength(50);
    expect(tau2Prompt(tasks[0])).toContain("You want to cancel reservation EHGLP3.");
    expect(tasks.some((t) => (t.evaluation_criteria?.actions?.length ?? 0) > 0)).toBe(true);
  });

  it("reads the LiveMCPBench catalogue: 70 entries, 527 tools", () => {
    const entries = parseCatalogue(fixture("tools.json"));
    expect(entries).toHaveLength(70);
    const tools = entries.flatMap((e) => Object.values(e.tools).flatMap((s) => s.tools));
    expect(tools).toHaveLength(527);
  });
});
