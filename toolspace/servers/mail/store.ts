// One user's mailbox, loaded from data/mailbox.json when the server starts (fresh per episode).
import { readFileSync } from "node:fs";
import { ToolError } from "../shared/serve";

export type Person = { name: string; address: string };
export type Attachment = { id: string; name: string; type: string; size: number };
export type Message = {
  id: string;
  thread_id: string;
  folder: string;
  from: Person;
  to: Person[];
  cc: Person[];
  subject: string;
  body: string;
  date: string;
  read: boolean;
  labels: string[];
  attachments: Attachment[];
  in_reply_to?: string;
};

const box = JSON.parse(readFileSync(new URL("./data/mailbox.json", import.meta.url), "utf8")) as {
  owner: Person;
  now: string;
  folders: string[];
  contacts: Person[];
  messages: Message[];
};
export const owner = box.owner;
export const folders = box.folders;
export const messages = box.messages;

export function getMessage(id: string): Message {
  const m = messages.find((x) => x.id.toLowerCase() === id.trim().toLowerCase());
  if (!m) throw new ToolError(`No message ${id}. Ids look like "MSG-88"; find one with list_messages or search_mail.`);
  return m;
}

export function checkFolder(f: string): string {
  const folder = f.trim().toLowerCase();
  if (!folders.includes(folder)) throw new ToolError(`No folder "${f}". Folders: ${folders.join(", ")}.`);
  return folder;
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[a-z]{2,}$/i;

/** Turns addresses into people, naming known contacts; refuses anything that is not an address. */
export function toPeople(addresses: string[], field: string): Person[] {
  return addresses.map((raw) => {
    const a = raw.trim().toLowerCase();
    if (!EMAIL.test(a)) throw new ToolError(`${field}: "${raw}" is not an email address (name@domain.tld).`);
    const known = [owner, ...box.contacts].find((p) => p.address === a);
    return known ?? { name: a.split("@")[0], address: a };
  });
}

export function nextMessageId(): string {
  return `MSG-${Math.max(0, ...messages.map((m) => Number(m.id.split("-")[1]))) + 1}`;
}

export function nextThreadId(): string {
  return `THR-${Math.max(0, ...messages.map((m) => Number(m.thread_id.split("-")[1]))) + 1}`;
}

export const summary = (m: Message) => ({
  id: m.id,
  thread_id: m.thread_id,
  folder: m.folder,
  from: m.from.address,
  to: m.to.map((p) => p.address),
  subject: m.subject,
  date: m.date,
  read: m.read,
  labels: m.labels,
  attachments: m.attachments.length,
});

// The mailbox keeps its own clock, starting at the data's "now" and a minute on per message, so
// episodes are reproducible and new mail always sorts after the stored mail.
let clock = Date.parse(box.now);
export const now = () => {
  clock += 60_000;
  return new Date(clock).toISOString().replace(/\.\d{3}Z$/, "Z");
};
