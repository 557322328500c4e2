import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/docs/server.ts");
});
afterAll(() => s.close());

type Hit = { id: string; title: string; snippet: string };
const search = async (args: Record<string, unknown>) =>
  (await s.call("search_documents", args)).json as { total: number; results: Hit[] };

it("lists 12 tools", async () => {
  expect((await s.client.listTools()).tools).toHaveLength(12);
});

it("ranks documents by BM25 with marked snippets", async () => {
  const perDiem = await search({ query: "per diem" });
  expect(perDiem.results[0]).toMatchObject({ id: "DOC-4", title: "Travel policy" });
  expect(perDiem.results[0].snippet).toContain("The «per» «diem» for meals is 28 EUR");
  const refund = await search({ query: "refund expired card" });
  expect(refund.results[0].id).toBe("DOC-15");
  expect(refund.results[0].snippet).toMatch(/«card» has «expired», we «refund» as store credit/);
  const backlog = await search({ query: "backlog", tag: "runbook" });
  expect(backlog.results.map((r) => r.id)).toEqual(["DOC-21"]);
});

it("reads sections, lists by tag and owner, and counts tags", async () => {
  const sec = (await s.call("get_document_section", { id: "DOC-4", heading: "PER DIEM" })).json as {
    heading: string;
    text: string;
  };
  expect(sec.heading).toBe("Per diem");
  expect(sec.text).toMatch(/^The per diem for meals is 28 EUR for a full day in Germany/);
  expect((await s.call("get_document_section", { id: "DOC-4", heading: "visa" })).text).toMatch(
    /Headings: Approval; Transport; Accommodation; Per diem; After the trip/,
  );
  expect((await s.call("list_documents", { tag: "runbook" })).json).toMatchObject({ count: 6 });
  const mine = (await s.call("list_documents", { owner: "priya.nair" })).json as {
    documents: { id: string; updated: string }[];
  };
  expect(mine.documents.map((d) => d.id)).toEqual([
    "DOC-23",
    "DOC-21",
    "DOC-11",
    "DOC-22",
    "DOC-28",
    "DOC-26",
    "DOC-25",
  ]);
  const tags = (await s.call("list_document_tags")).json as { tag: string; documents: number }[];
  expect(tags.find((t) => t.tag === "security")?.documents).toBe(5);
});

it("summarises by extract, finds related documents and counts words", async () => {
  const sum = (await s.call("summarize_document", { id: "DOC-4", sentences: 2 })).json as {
    method: string;
    sentences: string[];
  };
  expect(sum.method).toMatch(/^extractive/);
  const body = ((await s.call("get_document", { id: "DOC-4" })).json as { body: string }).body;
  expect(sum.sentences).toHaveLength(2);
  for (const line of sum.sentences) expect(body).toContain(line);
  const related = (await s.call("find_related_documents", { id: "DOC-21" })).json as {
    title: string;
    shared_tags: string[];
  }[];
  for (const r of related) expect(r.shared_tags).toContain("runbook");
  const stats = (await s.call("document_stats", { id: "doc-4" })).json as {
    words: number;
    sections: number;
    top_terms: unknown[];
  };
  expect(stats).toMatchObject({ words: 189, sections: 5 });
  expect(stats.top_terms.slice(0, 2)).toEqual([
    { term: "per", count: 6 },
    { term: "diem", count: 4 },
  ]);
});

it("keeps versions on update, diffs them, and searches the new text", async () => {
  const before = ((await s.call("get_document", { id: "DOC-4" })).json as { body: string }).body;
  const body = before.replace("The per diem for meals is 28 EUR", "The per diem for meals is 32 EUR");
  expect(
    (await s.call("update_document", { id: "DOC-4", editor: "felix.brandt", body, note: "2027 rates" })).json,
  ).toMatchObject({ version: 2 });
  const versions = (await s.call("get_document_versions", { id: "DOC-4" })).json as {
    version: number;
    editor: string;
    note: string;
  }[];
  expect(versions.map((v) => [v.version, v.editor, v.note])).toEqual([
    [1, "felix.brandt", "Published"],
    [2, "felix.brandt", "2027 rates"],
  ]);
  const diff = (await s.call("diff_document_versions", { id: "DOC-4", from: 1 })).json as {
    added: number;
    removed: number;
    lines: { op: string; line: number; text: string }[];
  };
  const line = before.split("\n").findIndex((l) => l.includes("28 EUR for a full day")) + 1;
  expect(diff).toMatchObject({ added: 1, removed: 1 });
  expect(diff.lines.map((l) => [l.op, l.line, l.text.slice(0, 37)])).toEqual([
    ["-", line, "The per diem for meals is 28 EUR for "],
    ["+", line, "The per diem for meals is 32 EUR for "],
  ]);
  expect((await search({ query: "per diem" })).results[0].snippet).toContain("32 EUR");
  expect((await s.call("update_document", { id: "DOC-4", editor: "felix.brandt", body })).text).toMatch(
    /Nothing changed in DOC-4/,
  );

  const made = (
    await s.call("create_document", {
      title: "Runbook: Search cluster rebalance",
      body: "## Check\nLook at shard sizes.\n\n## Rebalance\nMove the largest shard first.",
      tags: ["runbook"],
      owner: "priya.nair",
    })
  ).json as { id: string };
  expect(made.id).toBe("DOC-31");
  expect((await search({ query: "shard rebalance" })).results[0].id).toBe("DOC-31");
});

it("answers bad input with a clear error", async () => {
  expect((await s.call("get_document", { id: "DOC-99" })).text).toMatch(/No document DOC-99/);
  expect((await s.call("diff_document_versions", { id: "DOC-5", from: 1, to: 4 })).text).toBe(
    "DOC-5 has versions 1 to 1; there is no version 4.",
  );
  expect((await s.call("search_documents", { query: "the of" })).text).toMatch(/no searchable words/);
  expect((await s.call("search_documents", {})).isError).toBe(true);
  expect((await s.call("search_documents", { query: "refund", tag: "refunds" })).text).toMatch(
    /No document has the tag "refunds"/,
  );
});
