// The document store's state: documents seeded from data/documents.json, each with a version
// history that updates append to, so an episode can read, change and diff its own edits.
import { readFileSync } from "node:fs";
import { ToolError, toolspaceToday } from "../shared/serve";

export type Version = {
  version: number;
  date: string;
  editor: string;
  note: string;
  title: string;
  tags: string[];
  body: string;
};
export type Doc = { id: string; owner: string; versions: Version[] };

const seed = JSON.parse(readFileSync(new URL("./data/documents.json", import.meta.url), "utf8")) as {
  documents: { id: string; title: string; tags: string[]; owner: string; updated: string; body: string }[];
};
export const docs = new Map<string, Doc>(
  seed.documents.map((d) => [
    d.id,
    {
      id: d.id,
      owner: d.owner,
      versions: [
        { version: 1, date: d.updated, editor: d.owner, note: "Published", title: d.title, tags: d.tags, body: d.body },
      ],
    },
  ]),
);

export const today = toolspaceToday;
export const current = (d: Doc) => d.versions[d.versions.length - 1];

export function doc(id: string): Doc {
  const key = id.trim().toUpperCase();
  const d = docs.get(key) ?? docs.get(`DOC-${key}`);
  if (!d)
    throw new ToolError(
      `No document ${id}. Document ids look like DOC-7; use search_documents or list_documents to find one.`,
    );
  return d;
}

export function version(d: Doc, n: number): Version {
  const v = d.versions.find((x) => x.version === n);
  if (!v) throw new ToolError(`${d.id} has versions 1 to ${d.versions.length}; there is no version ${n}.`);
  return v;
}

/** The text a search sees: the title twice, so a title hit outweighs one in passing, then tags and body. */
export const searchable = (d: Doc) => {
  const v = current(d);
  return `${v.title}\n${v.title}\n${v.tags.join(" ")}\n${v.body}`;
};

export const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export const summary = (d: Doc) => {
  const v = current(d);
  return {
    id: d.id,
    title: v.title,
    tags: v.tags,
    owner: d.owner,
    updated: v.date,
    version: v.version,
    words: words(v.body),
  };
};

export function nextId() {
  return `DOC-${Math.max(...[...docs.keys()].map((k) => Number(k.slice(4)))) + 1}`;
}
