import { describe, expect, it } from "vitest";
import { formatCompact } from "./format";

describe("formatCompact", () => {
  it("keeps small numbers whole and rounds larger ones to three figures at most", () => {
    expect([0, 950, 1000, 12_345, 85_013, 99_960, 999_499, 999_500, 1_234_567].map(formatCompact)).toEqual([
      "0",
      "950",
      "1k",
      "12.3k",
      "85k",
      "100k",
      "999k",
      "1M",
      "1.2M",
    ]);
  });
});
