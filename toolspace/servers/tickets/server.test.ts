import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/tickets/server.ts");
});
afterAll(() => s.close());

type Brief = { id: string; status: string };

it("lists 13 tools with descriptions", async () => {
  const { tools } = await s.client.listTools();
  expect(tools).toHaveLength(13);
  for (const t of tools) expect(t.description?.length).toBeGreaterThan(20);
});

it("searches text in titles and comments, with filters", async () => {
  const safari = (await s.call("search_tickets", { query: "safari" })).json as { tickets: Brief[] };
  expect(safari.tickets[0].id).toBe("TCK-101");
  // "webhook" occurs only in a comment of TCK-115
  const hook = (await s.call("search_tickets", { query: "webhook" })).json as { total: number; tickets: Brief[] };
  expect(hook.tickets.map((t) => t.id)).toEqual(["TCK-115"]);
  const blocked = (await s.call("search_tickets", { project: "WEB", status: "blocked" })).json as { tickets: Brief[] };
  expect(blocked.tickets.map((t) => t.id)).toEqual(["TCK-105"]);
  expect((await s.call("search_tickets", { project: "XYZ" })).text).toMatch(/Projects: WEB, PAY, OPS/);
});

it("summarises a project with overdue tickets as of a date", async () => {
  const sum = (await s.call("project_summary", { project: "pay", as_of: "2026-11-26" })).json as {
    total: number;
    by_status: Record<string, number>;
    overdue: Brief[];
  };
  expect(sum.total).toBe(13);
  expect(sum.by_status).toEqual({ open: 6, in_progress: 3, blocked: 1, done: 3 });
  expect(sum.overdue.map((t) => t.id)).toEqual(["TCK-115", "TCK-119", "TCK-122"]);
});

it("lists a user's unfinished tickets by priority then due date", async () => {
  const mine = (await s.call("list_assigned_tickets", { assignee: "priya.nair" })).json as { tickets: Brief[] };
  expect(mine.tickets.map((t) => t.id)).toEqual(["TCK-139", "TCK-130", "TCK-133", "TCK-128", "TCK-135", "TCK-131"]);
});

it("enforces status transitions and blockers", async () => {
  const reopen = await s.call("change_ticket_status", { id: "TCK-104", status: "open" });
  expect(reopen.isError).toBe(true);
  expect(reopen.text).toMatch(/done ticket cannot be reopened/);
  expect((await s.call("change_ticket_status", { id: "TCK-105", status: "done" })).text).toMatch(
    /allowed: open, in_progress/,
  );
  expect((await s.call("change_ticket_status", { id: "TCK-105", status: "in_progress" })).isError).toBe(false);
  expect((await s.call("change_ticket_status", { id: "TCK-105", status: "done" })).text).toMatch(/blocked by TCK-119/);
  await s.call("change_ticket_status", { id: "TCK-119", status: "done", comment: "Per-variant stock shipped." });
  expect((await s.call("change_ticket_status", { id: "TCK-105", status: "done" })).json).toEqual({
    id: "TCK-105",
    from: "in_progress",
    to: "done",
  });
  const c = (await s.call("list_ticket_comments", { id: "TCK-119" })).json as { comments: { text: string }[] };
  expect(c.comments.at(-1)?.text).toBe("Per-variant stock shipped.");
});

it("creates, updates, assigns, comments and links tickets; later calls see the changes", async () => {
  const made = (
    await s.call("create_ticket", {
      project: "OPS",
      title: "Renew DNS provider contract",
      reporter: "tom.weber",
      priority: "high",
    })
  ).json as { id: string };
  expect(made.id).toBe("TCK-141");
  await s.call("assign_ticket", { id: "tck-141", assignee: "priya.nair" });
  await s.call("update_ticket", { id: "TCK-141", due: "2026-12-10", labels: ["vendor"] });
  await s.call("add_ticket_comment", { id: "TCK-141", author: "priya.nair", text: "Quote requested." });
  await s.call("link_tickets", { id: "TCK-141", other: "TCK-130", type: "blocks" });
  const t = (await s.call("get_ticket", { id: "TCK-141" })).json as Record<string, unknown>;
  expect(t).toMatchObject({
    assignee: "priya.nair",
    due: "2026-12-10",
    labels: ["vendor"],
    links: [{ type: "blocks", ticket: "TCK-130" }],
  });
  expect((await s.call("get_ticket", { id: "TCK-130" })).json).toMatchObject({
    links: [{ type: "blocked_by", ticket: "TCK-141" }],
  });
  const mine = (await s.call("list_assigned_tickets", { assignee: "priya.nair" })).json as { count: number };
  expect(mine.count).toBe(7);
});

it("answers bad input with a clear error", async () => {
  expect(await s.call("get_ticket", { id: "TCK-999" })).toMatchObject({
    isError: true,
    text: expect.stringMatching(/No ticket TCK-999/),
  });
  expect((await s.call("assign_ticket", { id: "TCK-101", assignee: "nobody" })).text).toMatch(/No user "nobody"/);
  expect((await s.call("update_ticket", { id: "TCK-101" })).text).toMatch(/Nothing to update/);
  expect((await s.call("update_ticket", { id: "TCK-101", due: "next week" })).isError).toBe(true);
  expect((await s.call("link_tickets", { id: "TCK-101", other: "TCK-101", type: "relates" })).text).toMatch(/itself/);
});
