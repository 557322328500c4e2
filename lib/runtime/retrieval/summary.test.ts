import { describe, expect, it } from "vitest";
import { SUMMARY_MAX, summarize } from "./summary";

describe("summarize", () => {
  it("takes the first sentence", () => {
    expect(summarize("Search Wikipedia for articles. Returns a list.")).toBe("Search Wikipedia for articles.");
    expect(summarize("Is it up? Checks the host.")).toBe("Is it up?");
    expect(summarize("No period at all")).toBe("No period at all");
    expect(summarize("")).toBe("");
  });

  it("stops at a docstring section or blank line and joins wrapped lines", () => {
    expect(summarize("  Get weather for a city\n  by name.  Args:\n    city: Name")).toBe(
      "Get weather for a city by name.",
    );
    expect(summarize(" Get weather for a city\n    Args:\n    city: Name of the city")).toBe("Get weather for a city");
    expect(summarize("First part\n\nSecond part.")).toBe("First part");
  });

  it("does not end a sentence at an abbreviation or inside a file name", () => {
    expect(summarize("Reads files, e.g. notes.txt from disk. More.")).toBe("Reads files, e.g. notes.txt from disk.");
  });

  it("ends at Chinese sentence marks", () => {
    expect(summarize("根据提供的ID获取内容。第二句。")).toBe("根据提供的ID获取内容。");
  });

  it("cuts a long sentence at a word boundary with a mark", () => {
    const long = `${"word ".repeat(60)}end.`;
    const s = summarize(long);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s.endsWith("word…")).toBe(true);
  });
});
