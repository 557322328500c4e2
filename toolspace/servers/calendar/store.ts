// The calendar's state: people from data/, events seeded from data/ and changed by the tools
// for the life of the process. Events keep UTC instants; answers add each zone's wall clock.
import { ToolError } from "../shared/serve";
import eventTable from "./data/events.json";
import peopleTable from "./data/people.json";
import { iso, localLabel, parseTime, wallClock } from "./time";

export type Person = {
  id: string;
  name: string;
  email: string;
  role: string;
  timezone: string;
  work_start: string;
  work_end: string;
};
export type Event = {
  id: string;
  title: string;
  start: number;
  end: number;
  timezone: string;
  attendees: string[];
  location: string;
  organizer: string;
  description: string;
  status: "confirmed" | "cancelled";
  cancel_reason?: string;
};

const objects = <T>(t: { columns: string[]; rows: unknown[][] }) =>
  t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as T);

export const people = objects<Person>(peopleTable);
export const events = new Map<string, Event>();
for (const e of objects<{
  id: string;
  title: string;
  start: string;
  end: string;
  attendees: string[];
  location: string;
  organizer: string;
}>(eventTable))
  events.set(e.id, {
    ...e,
    start: Date.parse(e.start),
    end: Date.parse(e.end),
    timezone: "UTC",
    description: "",
    status: "confirmed",
  });
let nextId = events.size + 1;
export const newId = () => `EVT-${nextId++}`;

export function findPerson(ref: string): Person {
  const k = ref.trim().toLowerCase();
  const p = people.find(
    (x) => x.id === k || x.email === k || x.name.toLowerCase() === k || x.name.split(" ")[0].toLowerCase() === k,
  );
  if (!p)
    throw new ToolError(`Unknown person "${ref}"; known: ${people.map((x) => x.id).join(", ")} (see list_people)`);
  return p;
}

export function findEvent(id: string): Event {
  const e = events.get(id.trim().toUpperCase());
  if (!e) throw new ToolError(`No event "${id}"; event ids look like EVT-12 (see list_events)`);
  return e;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Confirmed events of `person` overlapping [start, end), other than `except`. */
export const busyFor = (person: string, span: { start: number; end: number }, except?: string) =>
  [...events.values()].filter(
    (e) => e.status === "confirmed" && e.id !== except && e.attendees.includes(person) && overlaps(e, span),
  );

export function assertNoConflicts(attendees: string[], span: { start: number; end: number }, except?: string) {
  const clashes = attendees.flatMap((p) =>
    busyFor(p, span, except).map((e) => `${p} is in ${e.id} "${e.title}" (${iso(e.start)}-${iso(e.end)})`),
  );
  if (clashes.length)
    throw new ToolError(`Conflicts: ${clashes.join("; ")}. Pick another time or pass check_conflicts=false`);
}

export function view(e: Event) {
  return {
    id: e.id,
    title: e.title,
    start: iso(e.start),
    end: iso(e.end),
    local_start: localLabel(e.start, e.timezone),
    local_end: localLabel(e.end, e.timezone),
    timezone: e.timezone,
    duration_minutes: (e.end - e.start) / 60000,
    attendees: e.attendees,
    organizer: e.organizer,
    location: e.location,
    ...(e.description ? { description: e.description } : {}),
    status: e.status,
    ...(e.cancel_reason ? { cancel_reason: e.cancel_reason } : {}),
  };
}

/** The person's working window on a calendar date, as UTC instants; null on weekends. */
export function workingWindow(p: Person, date: string) {
  const start = parseTime(`${date}T${p.work_start}`, p.timezone, "work_start");
  const wd = wallClock(start, p.timezone).weekday;
  if (wd === "Sat" || wd === "Sun") return null;
  return { start, end: parseTime(`${date}T${p.work_end}`, p.timezone, "work_end") };
}

export function freeSlots(who: Person[], from: string, to: string, minutes: number, step: number, limit: number) {
  const slots: { start: number; end: number }[] = [];
  const last = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= last && slots.length < limit; d += 86_400_000) {
    const date = new Date(d).toISOString().slice(0, 10);
    const windows = who.map((p) => workingWindow(p, date));
    if (windows.some((w) => !w)) continue;
    const ws = Math.max(...windows.map((w) => w!.start));
    const we = Math.min(...windows.map((w) => w!.end));
    for (let t = ws; t + minutes * 60000 <= we && slots.length < limit; t += step * 60000) {
      const span = { start: t, end: t + minutes * 60000 };
      if (who.every((p) => busyFor(p.id, span).length === 0)) slots.push(span);
    }
  }
  return slots;
}

/** A person's day in their own zone: confirmed events and the free gaps in their working hours. */
export function agenda(p: Person, date: string) {
  const dayStart = parseTime(`${date}T00:00`, p.timezone, "date");
  const dayEnd = parseTime(`${date}T23:59`, p.timezone, "date") + 60000;
  const list = busyFor(p.id, { start: dayStart, end: dayEnd }).sort((a, b) => a.start - b.start);
  const w = workingWindow(p, date);
  const gaps: { from: string; to: string; minutes: number }[] = [];
  if (w) {
    let cursor = w.start;
    for (const e of [...list, { start: w.end, end: w.end }]) {
      if (e.start > cursor && cursor < w.end)
        gaps.push({
          from: wallClock(cursor, p.timezone).time,
          to: wallClock(Math.min(e.start, w.end), p.timezone).time,
          minutes: (Math.min(e.start, w.end) - cursor) / 60000,
        });
      cursor = Math.max(cursor, e.end);
    }
  }
  return {
    person: p.id,
    date,
    timezone: p.timezone,
    working_hours: w ? `${p.work_start}-${p.work_end}` : "weekend",
    events: list.map((e) => ({
      id: e.id,
      title: e.title,
      from: wallClock(e.start, p.timezone).time,
      to: wallClock(e.end, p.timezone).time,
      attendees: e.attendees,
    })),
    free_gaps: gaps,
  };
}
