import { describe, expect, it } from "vitest";
import { contentText } from "./content-text";
import { snapshotOf } from "./snapshot-tools";

describe("snapshotOf", () => {
  const a = { name: "a", description: "A", inputSchema: { type: "object", properties: { x: { type: "string" } } } };
  const b = { name: "b", description: "B", inputSchema: { properties: {}, type: "object" } };

  it("ignores tool order and schema key order", () => {
    const reordered = { ...a, inputSchema: { properties: { x: { type: "string" } }, type: "object" } };
    expect(snapshotOf([b, reordered]).sha256).toBe(snapshotOf([a, b]).sha256);
    expect(snapshotOf([b, a]).tools.map((t) => t.name)).toEqual(["a", "b"]);
  });

  it("changes when what the model sees changes", () => {
    const base = snapshotOf([a, b]).sha256;
    expect(snapshotOf([a, { ...b, description: "B!" }]).sha256).not.toBe(base);
    expect(snapshotOf([a]).sha256).not.toBe(base);
  });
});

describe("contentText", () => {
  it("joins text and describes other parts", () => {
    expect(
      contentText([
        { type: "text", text: "one" },
        { type: "audio", mimeType: "audio/wav", data: "AAAA" },
        { type: "resource", resource: { uri: "file:///a.txt", text: "inline" } },
        { type: "resource_link", uri: "file:///b", name: "b" },
      ]),
    ).toBe("one\n[audio: audio/wav, 3 bytes]\ninline\n[resource link: file:///b b]");
    expect(contentText([], { sum: 3 })).toBe('{"sum":3}');
  });
});
