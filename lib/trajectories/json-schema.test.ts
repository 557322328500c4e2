import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { trajectoryInput } from "./format";
import { trajectoryJsonSchemaText } from "./json-schema";

describe("the trajectory JSON Schema", () => {
  it("is current: run `npm run schema:trajectory` after changing lib/trajectories/format.ts", () => {
    expect(fs.readFileSync("docs/trajectory.schema.json", "utf8")).toBe(trajectoryJsonSchemaText());
  });

  it("accepts the documented example", () => {
    const doc = fs.readFileSync("docs/trajectory-format.md", "utf8");
    const example = doc.match(/```json\n([\s\S]*?)\n```/)?.[1];
    expect(example).toBeTruthy();
    const parsed = trajectoryInput.safeParse(JSON.parse(example as string));
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.steps).toHaveLength(6);
  });
});
