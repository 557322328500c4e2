// Mail: one user's mailbox with folders, threads, labels, attachments and drafts.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import {
  checkFolder,
  folders,
  getMessage,
  type Message,
  messages,
  nextMessageId,
  nextThreadId,
  now,
  owner,
  summary,
  toPeople,
} from "./store";

const addresses = z.array(z.string()).describe("email addresses, e.g. lena.novak@brightline.test");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const newest = (a: Message, b: Message) => b.date.localeCompare(a.date);
const withRe = (prefix: string, s: string) =>
  s.toLowerCase().startsWith(`${prefix.toLowerCase()} `) ? s : `${prefix} ${s}`;

function compose(
  a: { to: string[]; cc?: string[]; subject: string; body: string },
  folder: string,
  thread?: Message,
): Message {
  if (folder === "sent" && a.to.length === 0) throw new ToolError("to: give at least one recipient.");
  const m: Message = {
    id: nextMessageId(),
    thread_id: thread?.thread_id ?? nextThreadId(),
    folder,
    from: owner,
    to: toPeople(a.to, "to"),
    cc: toPeople(a.cc ?? [], "cc"),
    subject: a.subject,
    body: a.body,
    date: now(),
    read: true,
    labels: [],
    attachments: [],
    ...(thread ? { in_reply_to: thread.id } : {}),
  };
  messages.push(m);
  return m;
}

function getDraft(id: string) {
  const d = getMessage(id);
  if (d.folder !== "drafts") throw new ToolError(`${d.id} is in ${d.folder}, not a draft.`);
  return d;
}

await serveStdio("mail", "1.0.0", [
  tool({
    name: "list_messages",
    description:
      "List mail messages newest first, filtered by folder (inbox, sent, archive, drafts), unread, label, sender and date range. Returns summaries without bodies.",
    input: {
      folder: z.string().optional().describe("default inbox; 'all' for every folder"),
      unread_only: z.boolean().optional(),
      label: z.string().optional(),
      from: z.string().optional().describe("sender address or name, partial match"),
      since: day.optional(),
      until: day.optional(),
      limit: z.number().int().min(1).max(100).default(25),
    },
    run: ({ folder = "inbox", unread_only, label, from, since, until, limit }) => {
      const f = folder.toLowerCase() === "all" ? null : checkFolder(folder);
      const rows = messages
        .filter(
          (m) =>
            (!f || m.folder === f) &&
            (!unread_only || !m.read) &&
            (!label || m.labels.includes(label.toLowerCase())) &&
            (!from || `${m.from.name} ${m.from.address}`.toLowerCase().includes(from.toLowerCase())) &&
            (!since || m.date.slice(0, 10) >= since) &&
            (!until || m.date.slice(0, 10) <= until),
        )
        .sort(newest);
      return {
        total: rows.length,
        unread: rows.filter((m) => !m.read).length,
        messages: rows.slice(0, limit).map(summary),
      };
    },
  }),
  tool({
    name: "search_mail",
    description:
      "Full-text search over mail subjects, bodies, senders, recipients and attachment names; every word must match.",
    input: {
      query: z.string().min(1),
      folder: z.string().optional(),
      limit: z.number().int().min(1).max(100).default(20),
    },
    run: ({ query, folder, limit }) => {
      const f = folder ? checkFolder(folder) : null;
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const rows = messages
        .filter((m) => {
          if (f && m.folder !== f) return false;
          const people = [m.from, ...m.to, ...m.cc].map((p) => `${p.name} ${p.address}`).join(" ");
          const hay = `${m.subject} ${m.body} ${people} ${m.attachments.map((x) => x.name).join(" ")}`.toLowerCase();
          return words.every((w) => hay.includes(w));
        })
        .sort(newest);
      return {
        total: rows.length,
        messages: rows.slice(0, limit).map((m) => ({ ...summary(m), snippet: m.body.slice(0, 120) })),
      };
    },
  }),
  tool({
    name: "read_message",
    description: "Read one mail message in full (body, recipients, attachments metadata) and mark it read.",
    input: { message_id: z.string().describe('e.g. "MSG-88"') },
    run: ({ message_id }) => {
      const m = getMessage(message_id);
      m.read = true;
      return m;
    },
  }),
  tool({
    name: "read_thread",
    description:
      "Read a whole mail conversation, oldest first, by thread id or by the id of any message in it; marks it read.",
    input: { id: z.string().describe('"THR-3" or a message id like "MSG-88"') },
    run: ({ id }) => {
      const thread = /^thr-/i.test(id.trim()) ? id.trim().toUpperCase() : getMessage(id).thread_id;
      const rows = messages
        .filter((m) => m.thread_id === thread && m.folder !== "drafts")
        .sort((a, b) => a.date.localeCompare(b.date));
      if (rows.length === 0) throw new ToolError(`No thread ${id}.`);
      for (const m of rows) m.read = true;
      return { thread_id: thread, subject: rows[0].subject, count: rows.length, messages: rows };
    },
  }),
  tool({
    name: "send_message",
    description: "Send a new email from the mailbox owner; it starts a new thread and appears in the sent folder.",
    input: { to: addresses, cc: addresses.optional(), subject: z.string().min(1), body: z.string() },
    run: (a) => summary(compose(a, "sent")),
  }),
  tool({
    name: "reply_to_message",
    description:
      "Reply to a mail message in its thread (subject 'Re: ...'); reply_all also copies the other recipients.",
    input: { message_id: z.string(), body: z.string().min(1), reply_all: z.boolean().default(false) },
    run: ({ message_id, body, reply_all }) => {
      const orig = getMessage(message_id);
      const mine = orig.from.address === owner.address;
      const to = mine ? orig.to.map((p) => p.address) : [orig.from.address];
      const cc = reply_all
        ? [...orig.to, ...orig.cc].map((p) => p.address).filter((x) => x !== owner.address && !to.includes(x))
        : [];
      return summary(
        compose({ to, cc, subject: withRe("Re:", orig.subject.replace(/^re:\s*/i, "")), body }, "sent", orig),
      );
    },
  }),
  tool({
    name: "forward_message",
    description: "Forward a mail message with its attachments to new recipients, with an optional note above it.",
    input: { message_id: z.string(), to: addresses, note: z.string().default("") },
    run: ({ message_id, to, note }) => {
      const orig = getMessage(message_id);
      const quoted = `${note}\n\n---------- Forwarded message ----------\nFrom: ${orig.from.name} <${orig.from.address}>\nDate: ${orig.date}\nSubject: ${orig.subject}\n\n${orig.body}`;
      const m = compose({ to, subject: withRe("Fwd:", orig.subject), body: quoted.trimStart() }, "sent", orig);
      m.attachments = orig.attachments.map((x) => ({ ...x }));
      return summary(m);
    },
  }),
  tool({
    name: "move_message",
    description:
      "Move a mail message to another folder (inbox, archive, ...). Sent mail and drafts stay where they are.",
    input: { message_id: z.string(), folder: z.string() },
    run: ({ message_id, folder }) => {
      const m = getMessage(message_id);
      const to = checkFolder(folder);
      if (to === "sent" || to === "drafts" || m.folder === "drafts")
        throw new ToolError(
          "Only received mail moves between folders; use send_message or save_draft for sent mail and drafts.",
        );
      const from = m.folder;
      m.folder = to;
      return { id: m.id, from_folder: from, folder: to };
    },
  }),
  tool({
    name: "label_message",
    description: "Add and/or remove labels on a mail message (labels are lowercase words like work, urgent, finance).",
    input: { message_id: z.string(), add: z.array(z.string()).optional(), remove: z.array(z.string()).optional() },
    run: ({ message_id, add = [], remove = [] }) => {
      const m = getMessage(message_id);
      if (add.length + remove.length === 0) throw new ToolError("Give labels to add or remove.");
      const bad = add.find((l) => !/^[a-z0-9][a-z0-9 _-]{0,30}$/i.test(l.trim()));
      if (bad !== undefined)
        throw new ToolError(`Label "${bad}" is not valid: letters, digits, space, - or _, up to 31 characters.`);
      const drop = remove.map((l) => l.trim().toLowerCase());
      m.labels = [...new Set([...m.labels, ...add.map((l) => l.trim().toLowerCase())])].filter(
        (l) => !drop.includes(l),
      );
      return { id: m.id, labels: m.labels };
    },
  }),
  tool({
    name: "mark_unread",
    description: "Mark a mail message unread again.",
    input: { message_id: z.string() },
    run: ({ message_id }) => {
      const m = getMessage(message_id);
      m.read = false;
      return { id: m.id, read: false };
    },
  }),
  tool({
    name: "list_labels",
    description:
      "List mail labels with how many messages carry each and how many of those are unread; also folder counts.",
    input: {},
    run: () => {
      const labels = new Map<string, { messages: number; unread: number }>();
      for (const m of messages)
        for (const l of m.labels) {
          const c = labels.get(l) ?? { messages: 0, unread: 0 };
          c.messages++;
          if (!m.read) c.unread++;
          labels.set(l, c);
        }
      return {
        labels: [...labels]
          .map(([label, c]) => ({ label, ...c }))
          .sort((a, b) => b.messages - a.messages || a.label.localeCompare(b.label)),
        folders: folders.map((f) => ({
          folder: f,
          messages: messages.filter((m) => m.folder === f).length,
          unread: messages.filter((m) => m.folder === f && !m.read).length,
        })),
      };
    },
  }),
  tool({
    name: "save_draft",
    description:
      "Save a mail draft (new, or replacing draft_id's content); recipients may be empty until it is sent. reply_to threads it.",
    input: {
      to: addresses.default([]),
      cc: addresses.optional(),
      subject: z.string().default(""),
      body: z.string().default(""),
      reply_to: z.string().optional().describe("message id the draft answers"),
      draft_id: z.string().optional(),
    },
    run: ({ draft_id, reply_to, ...a }) => {
      if (draft_id) {
        const d = getDraft(draft_id);
        Object.assign(d, {
          to: toPeople(a.to, "to"),
          cc: toPeople(a.cc ?? [], "cc"),
          subject: a.subject,
          body: a.body,
          date: now(),
        });
        return summary(d);
      }
      return summary(compose(a, "drafts", reply_to ? getMessage(reply_to) : undefined));
    },
  }),
  tool({
    name: "list_drafts",
    description: "List saved mail drafts, newest first, with recipients and subject.",
    input: {},
    run: () =>
      messages
        .filter((m) => m.folder === "drafts")
        .sort(newest)
        .map((m) => ({ ...summary(m), body: m.body })),
  }),
  tool({
    name: "send_draft",
    description: "Send a saved draft: it must have at least one recipient and a subject; it moves to the sent folder.",
    input: { draft_id: z.string() },
    run: ({ draft_id }) => {
      const d = getDraft(draft_id);
      if (d.to.length === 0) throw new ToolError(`${d.id} has no recipients; add them with save_draft(draft_id, to).`);
      if (!d.subject.trim()) throw new ToolError(`${d.id} has no subject; add one with save_draft.`);
      d.folder = "sent";
      d.date = now();
      return summary(d);
    },
  }),
]);
