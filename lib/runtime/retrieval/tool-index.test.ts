import { describe, expect, it } from "vitest";
import { BM25_B, BM25_K1, buildToolIndex, FIELD_WEIGHTS, idf, searchTools, toolFields } from "./tool-index";

// Words of three letters or fewer and names without suffixes pass the tokenizer unchanged, so
// the sums below can be written out by hand.
const toy = [
  { name: "alpha", description: "red cat" }, // length 3·1 + 2 = 5
  { name: "beta", description: "red red dog" }, // length 3·1 + 3 = 6
  { name: "gamma", description: "sun" }, // length 3·1 + 1 = 4; mean length 5
];
const ln = Math.log;
const k1 = 1.2;
const b = 0.75;
const norm = (length: number) => k1 * (1 - b + (b * length) / 5);
const term = (idfValue: number, tf: number, length: number) => (idfValue * tf * (k1 + 1)) / (tf + norm(length));

describe("BM25 on a three-tool corpus", () => {
  it("uses k1 = 1.2, b = 0.75 and names weighing 3", () => {
    expect([BM25_K1, BM25_B, FIELD_WEIGHTS.name, FIELD_WEIGHTS.description]).toEqual([1.2, 0.75, 3, 1]);
    expect(idf(3, 2)).toBeCloseTo(ln(1.6), 14);
    expect(idf(3, 1)).toBeCloseTo(ln(8 / 3), 14);
  });

  it("scores a term in two documents with saturation and length normalisation", () => {
    const hits = searchTools(buildToolIndex(toy), "red", 10);
    expect(hits.map((h) => h.name)).toEqual(["beta", "alpha"]);
    // beta: tf 2, length 6 -> 0.470004 · 4.4 / 3.38; alpha: tf 1, length 5 -> exactly ln 1.6
    expect(hits[0].score).toBeCloseTo(term(ln(1.6), 2, 6), 12);
    expect(hits[0].score).toBeCloseTo(0.611839, 6);
    expect(hits[1].score).toBeCloseTo(ln(1.6), 12);
  });

  it("counts a name term three times and sums the terms of a query", () => {
    const index = buildToolIndex(toy);
    const [alpha] = searchTools(index, "alpha", 1);
    expect(alpha.score).toBeCloseTo(term(ln(8 / 3), 3, 5), 12);
    const [gamma] = searchTools(index, "gamma sun sun", 1);
    expect(gamma.name).toBe("gamma");
    expect(gamma.score).toBeCloseTo(term(ln(8 / 3), 3, 4) + term(ln(8 / 3), 1, 4), 12);
  });

  it("returns nothing for an empty, unknown or stop-word query, or a k below 1", () => {
    const index = buildToolIndex(toy);
    expect(searchTools(index, "", 5)).toEqual([]);
    expect(searchTools(index, "zebra", 5)).toEqual([]);
    expect(searchTools(index, "the of and", 5)).toEqual([]);
    expect(searchTools(index, "red", 0)).toEqual([]);
    expect(searchTools(index, "red", Number.NaN)).toEqual([]);
    expect(searchTools(index, "red", 1.9)).toHaveLength(1);
    expect(searchTools(buildToolIndex([]), "red", 5)).toEqual([]);
  });

  it("orders equal scores by name then server, whatever the order of indexing", () => {
    const twins = [
      { name: "b_tool", server: "s2", description: "same words" },
      { name: "a_tool", server: "s2", description: "same words" },
      { name: "b_tool", server: "s1", description: "same words" },
    ];
    const expected = [
      ["a_tool", "s2"],
      ["b_tool", "s1"],
      ["b_tool", "s2"],
    ];
    for (const order of [twins, [...twins].reverse()]) {
      const hits = searchTools(buildToolIndex(order), "same words", 3);
      expect(hits.map((h) => [h.name, h.server])).toEqual(expected);
      expect(new Set(hits.map((h) => h.score)).size).toBe(1);
    }
  });

  it("indexes server, parameter names and parameter descriptions as their own fields", () => {
    const fields = toolFields({
      name: "get_weather_by_city",
      server: "weather",
      description: "Get weather.",
      inputSchema: {
        type: "object",
        properties: {
          city: { type: "string", description: "Name of the city" },
          options: { type: "object", properties: { windSpeedUnit: { type: "string" } } },
          stops: { type: "array", items: { properties: { lat: { type: "number" } } } },
        },
      },
    });
    expect(fields).toEqual({
      name: ["get_weather_by_city", "get", "weather", "city"], // "by" is a stop word
      server: ["weather"],
      description: ["get", "weather"],
      parameterNames: ["city", "option", "windspeedunit", "wind", "speed", "unit", "stop", "lat"],
      parameterDescriptions: ["name", "city"],
    });
  });

  it("ranks a name match above the same word in a description", () => {
    const index = buildToolIndex([
      { name: "send_mail", description: "Deliver a message." },
      { name: "notify", description: "Send a notice by mail." },
    ]);
    expect(searchTools(index, "mail", 2).map((h) => h.name)).toEqual(["send_mail", "notify"]);
  });

  it("returns the first sentence as the summary and null for a missing server", () => {
    const [hit] = searchTools(buildToolIndex([{ name: "x_tool", description: "Does x. Then y." }]), "tool", 1);
    expect(hit).toMatchObject({ name: "x_tool", server: null, summary: "Does x." });
  });
});
