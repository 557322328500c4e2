import { describe, expect, it } from "vitest";
import { stem, tokenize } from "./tokenize";

describe("tokenize", () => {
  it("splits identifiers at _ - . / and camelCase and keeps the whole identifier too", () => {
    expect(tokenize("search_wikipedia")).toEqual(["search_wikipedia", "search", "wikipedia"]);
    expect(tokenize("get-station.code/all")).toEqual(["get-station.code/all", "get", "station", "code", "all"]);
    expect(tokenize("getHTMLPage")).toEqual(["gethtmlpage", "get", "html", "page"]);
    expect(tokenize("GitHub")).toEqual(["github", "git", "hub"]);
  });

  it("lowercases, drops stop words, one-letter parts and punctuation", () => {
    expect(tokenize("What is the Weather in Paris?")).toEqual(["weather", "paris"]);
    expect(tokenize("a b c, of the and")).toEqual([]);
    expect(tokenize("  ...  ")).toEqual([]);
    expect(tokenize("")).toEqual([]);
  });

  it("makes each Han character a token", () => {
    expect(tokenize("搜索工具 bing")).toEqual(["搜", "索", "工", "具", "bing"]);
  });

  it("stems the forms tool text mixes and leaves short or protected words alone", () => {
    const cases: [string, string][] = [
      ["files", "file"],
      ["queries", "query"],
      ["searches", "search"],
      ["searching", "search"],
      ["addresses", "address"],
      ["create", "creat"],
      ["created", "creat"],
      ["creating", "creat"],
      ["mapping", "map"],
      ["string", "string"],
      ["speed", "speed"],
      ["status", "status"],
      ["analysis", "analysis"],
      ["class", "class"],
      ["bus", "bus"],
      ["mp3s", "mp3s"],
    ];
    expect(cases.map(([w]) => [w, stem(w)])).toEqual(cases);
  });
});
