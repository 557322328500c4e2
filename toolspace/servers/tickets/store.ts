// The tracker's state: seeded from data/tickets.json at start, changed in place by the tools, so
// an episode sees its own edits and the next episode (a fresh process) starts from the seed.
import { readFileSync } from "node:fs";
import { ToolError, toolspaceToday } from "../shared/serve";

export const STATUSES = ["open", "in_progress", "blocked", "done"] as const;
export const PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type Status = (typeof STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Comment = { id: string; author: string; date: string; text: string };
export type Link = { type: "blocks" | "blocked_by" | "relates"; ticket: string };
export type Ticket = {
  id: string;
  project: string;
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  assignee: string | null;
  reporter: string;
  labels: string[];
  created: string;
  updated: string;
  due: string | null;
  comments: Comment[];
  links: Link[];
};
type User = { id: string; name: string; role: string };
type Project = { key: string; name: string; lead: string; description: string };

const seed = JSON.parse(readFileSync(new URL("./data/tickets.json", import.meta.url), "utf8")) as {
  users: User[];
  projects: Project[];
  tickets: Ticket[];
};
export const users = seed.users;
export const projects = seed.projects;
export const tickets = new Map(seed.tickets.map((t) => [t.id, t]));

/** Which status may follow which: a finished ticket stays finished (reopening loses the history of
 * why it was closed; the tracker's convention is a linked follow-up ticket). */
export const TRANSITIONS: Record<Status, Status[]> = {
  open: ["in_progress", "blocked", "done"],
  in_progress: ["open", "blocked", "done"],
  blocked: ["open", "in_progress"],
  done: [],
};

export const today = toolspaceToday;

export function ticket(id: string): Ticket {
  const t = tickets.get(id.trim().toUpperCase());
  if (!t) throw new ToolError(`No ticket ${id}. Ticket ids look like TCK-101; use search_tickets to find one.`);
  return t;
}

export function user(id: string): User {
  const u = users.find((x) => x.id === id);
  if (!u) throw new ToolError(`No user "${id}". Known users: ${users.map((x) => x.id).join(", ")}.`);
  return u;
}

export function project(key: string): Project {
  const p = projects.find((x) => x.key === key.trim().toUpperCase());
  if (!p) throw new ToolError(`No project "${key}". Projects: ${projects.map((x) => x.key).join(", ")}.`);
  return p;
}

export function nextId(): string {
  const max = Math.max(...[...tickets.keys()].map((k) => Number(k.slice(4))));
  return `TCK-${max + 1}`;
}

export const isOverdue = (t: Ticket, asOf: string) => t.status !== "done" && t.due !== null && t.due < asOf;

/** One line per ticket for lists, so a search result stays small. */
export const brief = (t: Ticket) => ({
  id: t.id,
  project: t.project,
  title: t.title,
  status: t.status,
  priority: t.priority,
  assignee: t.assignee,
  due: t.due,
});

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+(?:[-.][a-z0-9]+)*/g) ?? [];

/** Scores a ticket for a query: every query word must occur; title hits weigh most. */
export function matchScore(t: Ticket, query: string): number {
  const q = words(query);
  if (q.length === 0) return 1;
  const fields: [string[], number][] = [
    [words(t.title), 3],
    [t.labels.flatMap(words), 2],
    [words(t.description), 1],
    [t.comments.flatMap((c) => words(c.text)), 1],
  ];
  let score = 0;
  for (const w of q) {
    let hit = 0;
    for (const [ws, weight] of fields) hit += ws.filter((x) => x.startsWith(w)).length * weight;
    if (hit === 0) return 0;
    score += hit;
  }
  return score;
}
