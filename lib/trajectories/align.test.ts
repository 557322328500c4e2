import { describe, expect, it } from "vitest";
import { type AlignableStep, alignSteps, diffArguments, firstDivergence, sameArguments } from "./align";

const user = (content: string): AlignableStep => ({ role: "user", message: { content, toolCalls: [] } });
const call = (name: string, args = "{}"): AlignableStep => ({
  role: "assistant",
  message: { content: "", toolCalls: [{ name, arguments: args }] },
});
const result = (name: string, content = "ok"): AlignableStep => ({
  role: "tool",
  message: { content, name, toolCalls: [] },
});
const answer = (content: string): AlignableStep => ({ role: "assistant", message: { content, toolCalls: [] } });

const shape = (pairs: ReturnType<typeof alignSteps>) => pairs.map((p) => [p.a, p.b, p.kind]);

describe("alignSteps", () => {
  it("pairs identical trajectories one to one, with no divergence", () => {
    const t = [user("weather?"), call("weather_get", '{"city":"Paris"}'), result("weather_get"), answer("sunny")];
    const pairs = alignSteps(t, t);
    expect(shape(pairs)).toEqual([
      [0, 0, "same"],
      [1, 1, "same"],
      [2, 2, "same"],
      [3, 3, "same"],
    ]);
    expect(firstDivergence(pairs)).toBe(-1);
  });

  it("shows an inserted detour as gaps and lines the rest up again", () => {
    const a = [user("q"), call("search"), result("search"), call("fetch"), result("fetch"), answer("done")];
    const b = [
      user("q"),
      call("search"),
      result("search"),
      call("list_files"),
      result("list_files"),
      call("fetch"),
      result("fetch"),
      answer("done"),
    ];
    const pairs = alignSteps(a, b);
    expect(shape(pairs)).toEqual([
      [0, 0, "same"],
      [1, 1, "same"],
      [2, 2, "same"],
      [null, 3, "b-only"],
      [null, 4, "b-only"],
      [3, 5, "same"],
      [4, 6, "same"],
      [5, 7, "same"],
    ]);
    expect(firstDivergence(pairs)).toBe(3);
  });

  it("marks a different tool choice at the same point", () => {
    const a = [user("q"), call("search"), result("search"), answer("x")];
    const b = [user("q"), call("browse"), result("browse"), answer("x")];
    const pairs = alignSteps(a, b);
    expect(shape(pairs)).toEqual([
      [0, 0, "same"],
      [1, 1, "tool"],
      [2, 2, "tool"],
      [3, 3, "same"],
    ]);
    expect(firstDivergence(pairs)).toBe(1);
  });

  it("marks the same tool with different arguments, and ignores key order and spacing", () => {
    const a = [user("q"), call("get", '{"city":"Paris","unit":"C"}'), call("get", '{"a":1,"b":2}')];
    const b = [user("q"), call("get", '{"city":"Lyon","unit":"C"}'), call("get", '{ "b": 2, "a": 1 }')];
    const pairs = alignSteps(a, b);
    expect(shape(pairs)).toEqual([
      [0, 0, "same"],
      [1, 1, "args"],
      [2, 2, "same"],
    ]);
    expect(firstDivergence(pairs)).toBe(1);
  });

  it("keeps steps of different roles apart, and handles empty sides", () => {
    expect(shape(alignSteps([user("q")], [answer("a")]))).toEqual([
      [0, null, "a-only"],
      [null, 0, "b-only"],
    ]);
    expect(shape(alignSteps([], [user("q")]))).toEqual([[null, 0, "b-only"]]);
    expect(alignSteps([], [])).toEqual([]);
  });

  it("notes a different text on otherwise equal steps without calling it a divergence", () => {
    const pairs = alignSteps([user("q"), answer("sunny")], [user("q"), answer("rainy")]);
    expect(pairs[1]).toMatchObject({ kind: "same", textDiffers: true });
    expect(firstDivergence(pairs)).toBe(-1);
  });

  it("aligns two 2,000-step trajectories quickly", () => {
    const a = Array.from({ length: 2000 }, (_, i) => (i % 2 ? result(`t${i % 7}`) : call(`t${(i + 1) % 7}`)));
    const b = [...a.slice(0, 700), call("extra"), result("extra"), ...a.slice(700, 1500), ...a.slice(1502)];
    const t0 = performance.now();
    const pairs = alignSteps(a, b);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(pairs.filter((p) => p.kind === "b-only")).toHaveLength(2);
    expect(pairs.filter((p) => p.kind === "a-only")).toHaveLength(2);
    expect(firstDivergence(pairs)).toBe(700);
  });
});

describe("diffArguments", () => {
  it("compares per key: same, changed, added and removed", () => {
    expect(diffArguments('{"city":"Paris","unit":"C","days":3}', '{"city":"Lyon","unit":"C","lang":"fr"}')).toEqual({
      parsed: true,
      keys: [
        { key: "city", status: "changed", a: "Paris", b: "Lyon" },
        { key: "unit", status: "same", a: "C", b: "C" },
        { key: "days", status: "removed", a: 3 },
        { key: "lang", status: "added", b: "fr" },
      ],
    });
  });

  it("compares text that is not a JSON object whole", () => {
    expect(diffArguments("{oops", "{oops")).toEqual({ parsed: false, same: true });
    expect(diffArguments("[1]", "[2]")).toEqual({ parsed: false, same: false });
    expect(sameArguments('{"a":{"x":1,"y":2}}', '{"a":{"y":2,"x":1}}')).toBe(true);
  });
});
