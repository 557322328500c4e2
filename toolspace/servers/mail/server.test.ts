import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/mail/server.ts");
}, 30_000);
afterAll(() => s.close());

type Listed = {
  total: number;
  unread: number;
  messages: { id: string; subject: string; thread_id: string; to: string[] }[];
};
const list = async (args: Record<string, unknown>) => (await s.call("list_messages", args)).json as Listed;

it("lists fourteen tools and filters the inbox by unread, label and sender", async () => {
  expect((await s.client.listTools()).tools).toHaveLength(14);
  const inbox = await list({});
  expect([inbox.total, inbox.unread]).toEqual([23, 9]);
  expect(inbox.messages[0].id).toBe("MSG-98");
  const urgent = await list({ folder: "all", label: "urgent" });
  expect(urgent.messages.map((m) => m.id)).toEqual(["MSG-93", "MSG-67"]);
  const lena = await list({ folder: "all", from: "lena", until: "2026-10-25" });
  expect(lena.messages.map((m) => m.id)).toEqual(["MSG-62", "MSG-60"]);
  expect((await s.call("list_messages", { folder: "spam" })).text).toContain("Folders: inbox, sent, archive, drafts");
});

it("searches attachment names and bodies; reading marks read", async () => {
  const found = (await s.call("search_mail", { query: "INV-2291" })).json as Listed;
  expect(found.messages.map((m) => m.id)).toEqual(["MSG-68", "MSG-67"]);
  expect((await s.call("read_message", { message_id: "MSG-88" })).json).toMatchObject({
    read: true,
    subject: "Re: Conference talk proposal",
  });
  expect((await list({ unread_only: true })).total).toBe(8);
  await s.call("mark_unread", { message_id: "MSG-88" });
  expect((await list({ unread_only: true })).total).toBe(9);
  expect((await s.call("read_message", { message_id: "MSG-9999" })).text).toContain("No message MSG-9999");
});

it("sends a message that appears in sent as its own thread, and refuses bad addresses", async () => {
  const sent = (
    await s.call("send_message", {
      to: ["priya.shah@northwind.test"],
      subject: "Rollout plan",
      body: "Draft plan for 22 sites attached soon.",
    })
  ).json as { id: string; thread_id: string };
  expect(sent).toMatchObject({ id: "MSG-99", thread_id: "THR-21", folder: "sent" });
  expect((await list({ folder: "sent" })).messages[0].id).toBe("MSG-99");
  const thread = (await s.call("read_thread", { id: "THR-21" })).json as { count: number };
  expect(thread.count).toBe(1);
  const bad = await s.call("send_message", { to: ["priya at northwind"], subject: "x", body: "y" });
  expect(bad).toMatchObject({
    isError: true,
    text: 'to: "priya at northwind" is not an email address (name@domain.tld).',
  });
});

it("replies and forwards inside the thread", async () => {
  const re = (await s.call("reply_to_message", { message_id: "MSG-83", body: "Does the quote include support?" }))
    .json as Listed["messages"][0];
  expect(re).toMatchObject({
    thread_id: "THR-10",
    subject: "Re: Solar inverter quote",
    to: ["marco.rossi@helios.test"],
  });
  const fwd = (
    await s.call("forward_message", { message_id: "MSG-83", to: ["ben.carter@atlas-mail.test"], note: "FYI" })
  ).json as { attachments: number; subject: string };
  expect(fwd).toMatchObject({ subject: "Fwd: Solar inverter quote", attachments: 1 });
  const t = (await s.call("read_thread", { id: "MSG-84" })).json as { count: number; messages: { id: string }[] };
  expect(t.count).toBe(5);
  expect(t.messages.at(-2)?.id).toBe(re.id);
});

it("moves, labels and counts labels; drafts are saved, listed and sent", async () => {
  await s.call("move_message", { message_id: "MSG-92", folder: "archive" });
  expect((await list({ folder: "archive" })).total).toBe(5);
  await s.call("label_message", { message_id: "MSG-96", add: ["Urgent"], remove: ["customers"] });
  const labels = (await s.call("list_labels")).json as {
    labels: { label: string; messages: number; unread: number }[];
  };
  expect(labels.labels.find((l) => l.label === "urgent")).toEqual({ label: "urgent", messages: 3, unread: 1 });
  expect(labels.labels.find((l) => l.label === "customers")?.messages).toBe(7);
  const draft = (await s.call("save_draft", { subject: "Lisbon hotel", body: "Two nights please." })).json as {
    id: string;
  };
  expect((await s.call("send_draft", { draft_id: draft.id })).text).toContain("has no recipients");
  await s.call("save_draft", {
    draft_id: draft.id,
    to: ["travel@atlas-mail.test"],
    subject: "Lisbon hotel",
    body: "Two nights please.",
  });
  expect(((await s.call("list_drafts")).json as unknown[]).length).toBe(1);
  expect((await s.call("send_draft", { draft_id: draft.id })).json).toMatchObject({
    folder: "sent",
    to: ["travel@atlas-mail.test"],
  });
  expect(((await s.call("list_drafts")).json as unknown[]).length).toBe(0);
  expect((await s.call("move_message", { message_id: "MSG-61", folder: "drafts" })).isError).toBe(true);
});
