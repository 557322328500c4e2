import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect";
import { episode, inspectLog, jsonl } from "./test-samples";

const format = (text: string, name = "file") => {
  const d = detectFormat(text, name);
  return "format" in d ? d.format : `error: ${d.error}`;
};

describe("detectFormat", () => {
  it("tells JSONL from JSON documents", () => {
    expect(format(jsonl([episode(1), episode(2)]), "rollouts.jsonl")).toBe("jsonl");
    // a JSONL sample cut mid-line is still JSONL: its first line is whole
    expect(format(jsonl([episode(1), episode(2)]).slice(0, 1200))).toBe("jsonl");
    expect(format(JSON.stringify([episode(1), episode(2)], null, 2))).toBe("json-array");
    expect(format(JSON.stringify([episode(1)]))).toBe("json-array");
    expect(format(JSON.stringify(episode(1), null, 2))).toBe("json-object");
    expect(format(JSON.stringify(episode(1).messages, null, 2))).toBe("json-messages");
    expect(format(JSON.stringify(episode(1)), "one.jsonl")).toBe("jsonl");
  });

  it("finds an Inspect log, pretty-printed, minified or cut off", () => {
    const pretty = JSON.stringify(inspectLog, null, 2);
    expect(format(pretty)).toBe("inspect-log");
    expect(format(JSON.stringify(inspectLog))).toBe("inspect-log");
    expect(format(pretty.slice(0, 900))).toBe("inspect-log");
  });

  it("finds the MCP-Atlas CSV by its header", () => {
    expect(format(fs.readFileSync("db/seed/data/sample_tasks.csv", "utf8").slice(0, 5000), "x.csv")).toBe(
      "mcp-atlas-csv",
    );
  });

  it("says what to do with files it cannot read", () => {
    expect(format("PK\u0003\u0004....", "log.eval")).toMatch(/inspect log convert --to json/);
    expect(format("a,b\n1,2\n", "table.csv")).toMatch(/MCP-Atlas tasks CSV/);
    expect(format("hello world")).toMatch(/Could not tell the format/);
    expect(format("  \n")).toMatch(/empty/);
  });
});
