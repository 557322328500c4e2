// Document store over stdio: ranked search, sections, versions with diffs, extractive summaries
// and related documents over the company handbook, policies, FAQs and runbooks.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import { current, type Doc, doc, docs, nextId, searchable, summary, today, version, words } from "./store";
import { bm25, cosine, diffLines, sections, sentences, snippet, tfidf, tokens } from "./text";

const id = z.string().describe("Document id, e.g. DOC-7");
const all = () => [...docs.values()];
const corpus = () => all().map(searchable);

const tools = [
  tool({
    name: "search_documents",
    description:
      "Search the document store (handbook, policies, product FAQs, runbooks) by keywords. BM25-ranked over title, tags and body; each hit has a snippet with the matched words marked «like this».",
    input: {
      query: z.string().min(1),
      tag: z.string().optional().describe("Only documents with this tag"),
      limit: z.number().int().min(1).max(30).default(5),
    },
    run: ({ query, tag, limit }) => {
      if (tokens(query).length === 0)
        throw new ToolError(`"${query}" has no searchable words; use content words such as "per diem" or "refund".`);
      const ds = all();
      if (tag && !ds.some((d) => current(d).tags.includes(tag)))
        throw new ToolError(`No document has the tag "${tag}"; list_document_tags lists the tags in use.`);
      const scores = bm25(corpus(), query);
      const hits = ds
        .map((d, i) => ({ d, score: scores[i] }))
        .filter((h) => h.score > 0 && (!tag || current(h.d).tags.includes(tag)))
        .sort((x, y) => y.score - x.score);
      return {
        total: hits.length,
        results: hits.slice(0, limit).map((h) => ({
          id: h.d.id,
          title: current(h.d).title,
          score: Math.round(h.score * 1000) / 1000,
          snippet: snippet(current(h.d).body, query),
        })),
      };
    },
  }),
  tool({
    name: "get_document",
    description: "Get a document's current version: title, tags, owner, updated date and full text.",
    input: { id },
    run: ({ id }) => {
      const d = doc(id);
      return { ...summary(d), body: current(d).body };
    },
  }),
  tool({
    name: "get_document_section",
    description:
      "Get one section of a document by its heading (case-insensitive; a unique part of the heading is enough).",
    input: { id, heading: z.string().min(1) },
    run: ({ id, heading }) => {
      const d = doc(id);
      const ss = sections(current(d).body).filter((s) => s.heading);
      const want = heading.trim().toLowerCase();
      const exact = ss.filter((s) => s.heading.toLowerCase() === want);
      const found = exact.length ? exact : ss.filter((s) => s.heading.toLowerCase().includes(want));
      if (found.length !== 1)
        throw new ToolError(
          `${found.length ? "Several" : "No"} sections of ${d.id} match "${heading}". Headings: ${ss.map((s) => s.heading).join("; ")}.`,
        );
      return { id: d.id, title: current(d).title, heading: found[0].heading, text: found[0].text };
    },
  }),
  tool({
    name: "list_documents",
    description: "List documents, optionally only those with a tag or owner, newest first.",
    input: { tag: z.string().optional(), owner: z.string().optional() },
    run: ({ tag, owner }) => {
      const rows = all()
        .filter((d) => (!tag || current(d).tags.includes(tag)) && (!owner || d.owner === owner))
        .map(summary)
        .sort((x, y) => y.updated.localeCompare(x.updated) || x.id.localeCompare(y.id));
      return { count: rows.length, documents: rows };
    },
  }),
  tool({
    name: "list_document_tags",
    description: "List every tag in the document store with how many documents carry it.",
    input: {},
    run: () => {
      const n = new Map<string, number>();
      for (const d of all()) for (const t of current(d).tags) n.set(t, (n.get(t) ?? 0) + 1);
      return [...n]
        .map(([tag, documents]) => ({ tag, documents }))
        .sort((x, y) => y.documents - x.documents || x.tag.localeCompare(y.tag));
    },
  }),
  tool({
    name: "create_document",
    description: "Create a document. Use '## Heading' lines to make sections. Returns the new id.",
    input: {
      title: z.string().min(3),
      body: z.string().min(1),
      tags: z.array(z.string()).default([]),
      owner: z.string().min(1).describe("Owner's user id, e.g. priya.nair"),
    },
    run: ({ title, body, tags, owner }) => {
      const d: Doc = {
        id: nextId(),
        owner,
        versions: [{ version: 1, date: today(), editor: owner, note: "Created", title, tags, body }],
      };
      docs.set(d.id, d);
      return summary(d);
    },
  }),
  tool({
    name: "update_document",
    description:
      "Change a document's title, tags or text. The previous text is kept as a version; returns the new version number.",
    input: {
      id,
      editor: z.string().min(1).describe("Who makes the change"),
      title: z.string().min(3).optional(),
      tags: z.array(z.string()).optional(),
      body: z.string().min(1).optional(),
      note: z.string().default("").describe("What changed and why"),
    },
    run: ({ id, editor, title, tags, body, note }) => {
      const d = doc(id);
      const prev = current(d);
      const next = { title: title ?? prev.title, tags: tags ?? prev.tags, body: body ?? prev.body };
      if (next.title === prev.title && next.body === prev.body && next.tags.join() === prev.tags.join())
        throw new ToolError(`Nothing changed in ${d.id}: pass a different title, tags or body.`);
      d.versions.push({ version: prev.version + 1, date: today(), editor, note, ...next });
      return summary(d);
    },
  }),
  tool({
    name: "get_document_versions",
    description: "List a document's versions: number, date, editor, note and word count.",
    input: { id },
    run: ({ id }) => {
      const d = doc(id);
      return d.versions.map((v) => ({
        version: v.version,
        date: v.date,
        editor: v.editor,
        note: v.note,
        title: v.title,
        words: words(v.body),
      }));
    },
  }),
  tool({
    name: "diff_document_versions",
    description:
      "Show the lines that differ between two versions of a document ('-' removed from the older, '+' added in the newer).",
    input: {
      id,
      from: z.number().int().min(1),
      to: z.number().int().min(1).optional().describe("Defaults to the current version"),
    },
    run: ({ id, from, to }) => {
      const d = doc(id);
      const a = version(d, from);
      const b = version(d, to ?? current(d).version);
      const lines = diffLines(a.body, b.body);
      return {
        id: d.id,
        from: a.version,
        to: b.version,
        title_changed: a.title !== b.title,
        added: lines.filter((l) => l.op === "+").length,
        removed: lines.filter((l) => l.op === "-").length,
        lines,
      };
    },
  }),
  tool({
    name: "summarize_document",
    description:
      "Summarise a document extractively: its highest-weighted sentences (tf-idf against the whole store), quoted verbatim in document order. No text is generated.",
    input: { id, sentences: z.number().int().min(1).max(10).default(3) },
    run: ({ id, sentences: n }) => {
      const d = doc(id);
      const w = tfidf(searchable(d), corpus());
      const ss = sentences(current(d).body);
      const scored = ss.map((s, i) => {
        const ts = tokens(s);
        return { i, s, score: ts.reduce((sum, t) => sum + (w.get(t) ?? 0), 0) / Math.sqrt(ts.length || 1) };
      });
      const top = [...scored].sort((x, y) => y.score - x.score).slice(0, n);
      return {
        id: d.id,
        title: current(d).title,
        method: "extractive: top sentences by tf-idf weight, in document order",
        sentences: top.sort((x, y) => x.i - y.i).map((t) => t.s),
      };
    },
  }),
  tool({
    name: "find_related_documents",
    description:
      "Find documents related to one: tf-idf cosine similarity of their text plus shared tags, with the terms and tags they share.",
    input: { id, limit: z.number().int().min(1).max(10).default(3) },
    run: ({ id, limit }) => {
      const d = doc(id);
      const texts = corpus();
      const me = tfidf(searchable(d), texts);
      const myTags = new Set(current(d).tags);
      return all()
        .filter((o) => o.id !== d.id)
        .map((o) => {
          const w = tfidf(searchable(o), texts);
          const tags = current(o).tags.filter((t) => myTags.has(t));
          const terms = [...me.keys()]
            .filter((t) => w.has(t))
            .sort((x, y) => (me.get(y) ?? 0) * (w.get(y) ?? 0) - (me.get(x) ?? 0) * (w.get(x) ?? 0));
          return {
            id: o.id,
            title: current(o).title,
            score: Math.round((cosine(me, w) + 0.1 * tags.length) * 1000) / 1000,
            shared_tags: tags,
            shared_terms: terms.slice(0, 5),
          };
        })
        .sort((x, y) => y.score - x.score)
        .slice(0, limit);
    },
  }),
  tool({
    name: "document_stats",
    description:
      "Count a document's words, sentences, sections and characters, estimate reading time, and list its most frequent terms.",
    input: { id },
    run: ({ id }) => {
      const d = doc(id);
      const body = current(d).body;
      const freq = new Map<string, number>();
      for (const t of tokens(body)) freq.set(t, (freq.get(t) ?? 0) + 1);
      return {
        id: d.id,
        words: words(body),
        sentences: sentences(body).length,
        sections: sections(body).filter((s) => s.heading).length,
        characters: body.length,
        reading_minutes: Math.max(1, Math.round(words(body) / 200)),
        top_terms: [...freq]
          .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
          .slice(0, 8)
          .map(([term, count]) => ({ term, count })),
      };
    },
  }),
];

await serveStdio("docs", "1.0.0", tools);
