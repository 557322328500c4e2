import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

describe("csv", () => {
  it("quotes only what needs it and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(3.5)).toBe("3.5");
    expect(csvField(false)).toBe("false");
    expect(csvField(null)).toBe("");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("keeps spreadsheets from running text as a formula, and leaves numbers alone", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-2)).toBe("-2");
  });

  it("parses back to the same fields", () => {
    const rows = [
      ["id", "value"],
      ["1", 'he said "no", then left\r\nfor good'],
      ["2", ""],
    ];
    const text = rows.map(csvLine).join("");
    expect(parse(text, { relax_column_count: false })).toEqual(rows);
  });
});
