// Issue tracker over stdio: search, read and change tickets of three projects.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import {
  brief,
  isOverdue,
  matchScore,
  nextId,
  PRIORITIES,
  project,
  projects,
  STATUSES,
  TRANSITIONS,
  ticket,
  tickets,
  today,
  user,
  users,
} from "./store";

const id = z.string().describe("Ticket id, e.g. TCK-104");
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-01")
  .describe("Date as YYYY-MM-DD");
const touch = (t: { updated: string }) => {
  t.updated = today();
};

const tools = [
  tool({
    name: "search_tickets",
    description:
      "Search tickets by text in the title, description, labels and comments, with optional filters. Results are ranked by relevance, best first.",
    input: {
      query: z.string().optional().describe("Words to match; every word must occur"),
      project: z.string().optional().describe("Project key: WEB, PAY or OPS"),
      status: z.enum(STATUSES).optional(),
      priority: z.enum(PRIORITIES).optional(),
      assignee: z.string().optional().describe("User id, e.g. maya.chen; 'unassigned' for none"),
      label: z.string().optional(),
      limit: z.number().int().min(1).max(50).default(10),
    },
    run: (a) => {
      if (a.project) project(a.project);
      const rows = [...tickets.values()]
        .filter((t) => !a.project || t.project === a.project.toUpperCase())
        .filter((t) => !a.status || t.status === a.status)
        .filter((t) => !a.priority || t.priority === a.priority)
        .filter((t) => !a.assignee || (a.assignee === "unassigned" ? t.assignee === null : t.assignee === a.assignee))
        .filter((t) => !a.label || t.labels.includes(a.label))
        .map((t) => ({ t, score: matchScore(t, a.query ?? "") }))
        .filter((r) => r.score > 0)
        .sort((x, y) => y.score - x.score || x.t.id.localeCompare(y.t.id));
      return { total: rows.length, tickets: rows.slice(0, a.limit).map((r) => brief(r.t)) };
    },
  }),
  tool({
    name: "get_ticket",
    description: "Get one ticket with its description, labels, dates, comments and links.",
    input: { id },
    run: ({ id }) => ticket(id),
  }),
  tool({
    name: "create_ticket",
    description: "Create a ticket in a project. It starts open; the new id is returned.",
    input: {
      project: z.string().describe("Project key: WEB, PAY or OPS"),
      title: z.string().min(3),
      description: z.string().default(""),
      priority: z.enum(PRIORITIES).default("medium"),
      reporter: z.string().describe("User id of the person filing it"),
      assignee: z.string().optional(),
      labels: z.array(z.string()).default([]),
      due: date.optional(),
    },
    run: (a) => {
      const p = project(a.project);
      user(a.reporter);
      if (a.assignee) user(a.assignee);
      const t = {
        id: nextId(),
        project: p.key,
        title: a.title,
        description: a.description,
        status: "open" as const,
        priority: a.priority,
        assignee: a.assignee ?? null,
        reporter: a.reporter,
        labels: a.labels,
        created: today(),
        updated: today(),
        due: a.due ?? null,
        comments: [],
        links: [],
      };
      tickets.set(t.id, t);
      return t;
    },
  }),
  tool({
    name: "update_ticket",
    description:
      "Update a ticket's title, description, priority, labels or due date. Status and assignee have their own tools.",
    input: {
      id,
      title: z.string().min(3).optional(),
      description: z.string().optional(),
      priority: z.enum(PRIORITIES).optional(),
      labels: z.array(z.string()).optional(),
      due: date.nullable().optional(),
    },
    run: ({ id, ...fields }) => {
      const t = ticket(id);
      const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
      if (changed.length === 0)
        throw new ToolError("Nothing to update: pass title, description, priority, labels or due.");
      Object.assign(t, Object.fromEntries(changed.map((k) => [k, fields[k as keyof typeof fields]])));
      touch(t);
      return { id: t.id, changed, ticket: brief(t) };
    },
  }),
  tool({
    name: "assign_ticket",
    description: "Assign a ticket to a user, or unassign it with assignee null.",
    input: { id, assignee: z.string().nullable().describe("User id, or null to unassign") },
    run: ({ id, assignee }) => {
      const t = ticket(id);
      if (assignee !== null) user(assignee);
      const previous = t.assignee;
      t.assignee = assignee;
      touch(t);
      return { id: t.id, previous, assignee };
    },
  }),
  tool({
    name: "change_ticket_status",
    description:
      "Move a ticket to another status (open, in_progress, blocked, done). Done is final; a ticket blocked by unfinished tickets cannot be done.",
    input: { id, status: z.enum(STATUSES), comment: z.string().optional().describe("Why, added as a comment") },
    run: ({ id, status, comment }) => {
      const t = ticket(id);
      if (t.status === status) throw new ToolError(`${t.id} is already ${status}.`);
      const allowed = TRANSITIONS[t.status];
      if (!allowed.includes(status))
        throw new ToolError(
          t.status === "done"
            ? `${t.id} is done; a done ticket cannot be reopened. Create a follow-up ticket and link it with link_tickets.`
            : `${t.id} cannot go from ${t.status} to ${status}; allowed: ${allowed.join(", ")}.`,
        );
      const blockers = t.links.filter((l) => l.type === "blocked_by" && tickets.get(l.ticket)?.status !== "done");
      if (status === "done" && blockers.length)
        throw new ToolError(`${t.id} is blocked by ${blockers.map((l) => l.ticket).join(", ")}, not yet done.`);
      const from = t.status;
      t.status = status;
      touch(t);
      if (comment)
        t.comments.push({
          id: `${t.id}-C${t.comments.length + 1}`,
          author: t.assignee ?? t.reporter,
          date: today(),
          text: comment,
        });
      return { id: t.id, from, to: status };
    },
  }),
  tool({
    name: "add_ticket_comment",
    description: "Add a comment to a ticket.",
    input: { id, author: z.string().describe("User id"), text: z.string().min(1) },
    run: ({ id, author, text }) => {
      const t = ticket(id);
      user(author);
      const c = { id: `${t.id}-C${t.comments.length + 1}`, author, date: today(), text };
      t.comments.push(c);
      touch(t);
      return c;
    },
  }),
  tool({
    name: "list_ticket_comments",
    description: "List a ticket's comments, oldest first.",
    input: { id },
    run: ({ id }) => {
      const t = ticket(id);
      return { id: t.id, count: t.comments.length, comments: t.comments };
    },
  }),
  tool({
    name: "link_tickets",
    description:
      "Link two tickets: 'blocks' (the first blocks the second) or 'relates'. The reverse link is added too.",
    input: { id, other: id, type: z.enum(["blocks", "relates"]) },
    run: ({ id, other, type }) => {
      const a = ticket(id);
      const b = ticket(other);
      if (a.id === b.id) throw new ToolError("A ticket cannot link to itself.");
      if (a.links.some((l) => l.ticket === b.id)) throw new ToolError(`${a.id} is already linked to ${b.id}.`);
      a.links.push({ type, ticket: b.id });
      b.links.push({ type: type === "blocks" ? "blocked_by" : "relates", ticket: a.id });
      touch(a);
      touch(b);
      return { [a.id]: a.links, [b.id]: b.links };
    },
  }),
  tool({
    name: "list_assigned_tickets",
    description: "List the unfinished tickets (not done) assigned to a user, most urgent first.",
    input: { assignee: z.string().describe("User id, e.g. priya.nair") },
    run: ({ assignee }) => {
      user(assignee);
      const rank = (p: string) => PRIORITIES.indexOf(p as never);
      const rows = [...tickets.values()]
        .filter((t) => t.assignee === assignee && t.status !== "done")
        .sort((x, y) => rank(y.priority) - rank(x.priority) || (x.due ?? "9").localeCompare(y.due ?? "9"));
      return { assignee, count: rows.length, tickets: rows.map(brief) };
    },
  }),
  tool({
    name: "project_summary",
    description: "Summarise a project: ticket counts by status and priority, and the overdue tickets as of a date.",
    input: { project: z.string(), as_of: date.optional().describe("Defaults to today") },
    run: (a) => {
      const p = project(a.project);
      const asOf = a.as_of ?? today();
      const rows = [...tickets.values()].filter((t) => t.project === p.key);
      const count = (key: "status" | "priority", values: readonly string[]) =>
        Object.fromEntries(values.map((v) => [v, rows.filter((t) => t[key] === v).length]));
      return {
        project: p.key,
        name: p.name,
        total: rows.length,
        by_status: count("status", STATUSES),
        by_priority: count("priority", PRIORITIES),
        as_of: asOf,
        overdue: rows.filter((t) => isOverdue(t, asOf)).map(brief),
      };
    },
  }),
  tool({
    name: "list_projects",
    description: "List the tracker's projects with their lead and ticket count.",
    input: {},
    run: () =>
      projects.map((p) => ({ ...p, tickets: [...tickets.values()].filter((t) => t.project === p.key).length })),
  }),
  tool({
    name: "list_users",
    description: "List the people who can report, be assigned and comment.",
    input: {},
    run: () => users,
  }),
];

await serveStdio("tickets", "1.0.0", tools);
