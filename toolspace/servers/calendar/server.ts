// A team calendar held in memory: events seeded from data/ for the week of 2026-03-02, changed
// by create, update, cancel and attendee tools, with conflict checks, free-slot search over
// everyone's working hours, and time-zone conversion.
import { z } from "zod";
import { serveStdio, ToolError, tool } from "../shared/serve";
import {
  agenda,
  assertNoConflicts,
  busyFor,
  events,
  findEvent,
  findPerson,
  freeSlots,
  newId,
  people,
  view,
  workingWindow,
} from "./store";
import { checkZone, iso, localLabel, parseTime, wallClock } from "./time";

const when = z
  .string()
  .min(1)
  .describe("ISO date-time, e.g. 2026-03-03T15:00:00Z, or 2026-03-03T15:00 read in `timezone`");
const timezone = z.string().default("UTC").describe("IANA zone for times given without an offset, e.g. Europe/Berlin");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const eventId = z.string().min(1).describe("Event id, e.g. EVT-12");
const checkConflicts = z.boolean().default(true).describe("Refuse if an attendee is already busy then");

function span(start: string, end: string | undefined, minutes: number | undefined, tz: string) {
  const s = parseTime(start, tz, "start");
  if (end === undefined && minutes === undefined) throw new ToolError("Give end or duration_minutes");
  const e = end !== undefined ? parseTime(end, tz, "end") : s + minutes! * 60000;
  if (e <= s) throw new ToolError(`end (${iso(e)}) must be after start (${iso(s)})`);
  if (e - s > 12 * 3600_000) throw new ToolError("An event may last at most 12 hours");
  return { start: s, end: e };
}

await serveStdio("calendar", "1.0.0", [
  tool({
    name: "list_events",
    description: "List calendar events in a time range, optionally only those a person attends; sorted by start.",
    input: {
      from: when.optional().describe("Range start (default 2026-03-02T00:00Z)"),
      to: when.optional().describe("Range end (default 2026-03-07T00:00Z)"),
      attendee: z.string().optional().describe("Person id, first name or email"),
      timezone,
      include_cancelled: z.boolean().default(false),
    },
    run: ({ from, to, attendee, timezone: tz, include_cancelled }) => {
      const range = {
        start: parseTime(from ?? "2026-03-02T00:00Z", tz, "from"),
        end: parseTime(to ?? "2026-03-07T00:00Z", tz, "to"),
      };
      const who = attendee ? findPerson(attendee).id : undefined;
      const hits = [...events.values()]
        .filter((e) => (include_cancelled || e.status === "confirmed") && e.start < range.end && e.end > range.start)
        .filter((e) => !who || e.attendees.includes(who))
        .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id, "en", { numeric: true }));
      return {
        count: hits.length,
        events: hits.map((e) => ({ ...view(e), local_start: localLabel(e.start, checkZone(tz)) })),
      };
    },
  }),
  tool({
    name: "get_event",
    description: "Get one event by id with its attendees, organizer, location and status.",
    input: { event_id: eventId },
    run: ({ event_id }) => view(findEvent(event_id)),
  }),
  tool({
    name: "create_event",
    description:
      "Create a calendar event; checks that attendees are free unless check_conflicts is false. Returns the new EVT id.",
    input: {
      title: z.string().min(1).max(200),
      start: when,
      end: when.optional(),
      duration_minutes: z.number().int().min(5).max(720).optional(),
      timezone,
      attendees: z.array(z.string()).min(1).describe("Person ids, first names or emails"),
      organizer: z.string().optional(),
      location: z.string().default(""),
      description: z.string().default(""),
      check_conflicts: checkConflicts,
    },
    run: (a) => {
      const tz = checkZone(a.timezone);
      const s = span(a.start, a.end, a.duration_minutes, tz);
      const attendees = [...new Set(a.attendees.map((x) => findPerson(x).id))];
      const organizer = a.organizer ? findPerson(a.organizer).id : attendees[0];
      if (a.check_conflicts) assertNoConflicts(attendees, s);
      const e = {
        id: newId(),
        title: a.title,
        ...s,
        timezone: tz,
        attendees,
        organizer,
        location: a.location,
        description: a.description,
        status: "confirmed" as const,
      };
      events.set(e.id, e);
      return { created: view(e) };
    },
  }),
  tool({
    name: "update_event",
    description:
      "Change an event's title, time, location or description; a new time is checked for attendee conflicts.",
    input: {
      event_id: eventId,
      title: z.string().min(1).optional(),
      start: when.optional(),
      end: when.optional(),
      duration_minutes: z.number().int().min(5).max(720).optional(),
      timezone: z.string().optional(),
      location: z.string().optional(),
      description: z.string().optional(),
      check_conflicts: checkConflicts,
    },
    run: (a) => {
      const e = findEvent(a.event_id);
      if (e.status === "cancelled") throw new ToolError(`${e.id} is cancelled; create a new event instead`);
      const tz = checkZone(a.timezone ?? e.timezone);
      const timeChange = a.start !== undefined || a.end !== undefined || a.duration_minutes !== undefined;
      const s = timeChange
        ? span(
            a.start ?? iso(e.start),
            a.end,
            a.end === undefined ? (a.duration_minutes ?? (e.end - e.start) / 60000) : undefined,
            tz,
          )
        : e;
      if (timeChange && a.check_conflicts) assertNoConflicts(e.attendees, s, e.id);
      Object.assign(e, { start: s.start, end: s.end, timezone: tz });
      if (a.title !== undefined) e.title = a.title;
      if (a.location !== undefined) e.location = a.location;
      if (a.description !== undefined) e.description = a.description;
      return { updated: view(e) };
    },
  }),
  tool({
    name: "cancel_event",
    description: "Cancel an event; it stays readable with status cancelled and no longer blocks anyone's time.",
    input: { event_id: eventId, reason: z.string().optional() },
    run: ({ event_id, reason }) => {
      const e = findEvent(event_id);
      if (e.status === "cancelled") throw new ToolError(`${e.id} is already cancelled`);
      e.status = "cancelled";
      if (reason) e.cancel_reason = reason;
      return { cancelled: view(e) };
    },
  }),
  tool({
    name: "add_attendee",
    description: "Invite a person to an event, checking they are free at that time unless check_conflicts is false.",
    input: { event_id: eventId, person: z.string().min(1), check_conflicts: checkConflicts },
    run: ({ event_id, person, check_conflicts }) => {
      const e = findEvent(event_id);
      const p = findPerson(person);
      if (e.attendees.includes(p.id)) throw new ToolError(`${p.id} already attends ${e.id}`);
      if (check_conflicts) assertNoConflicts([p.id], e, e.id);
      e.attendees.push(p.id);
      return { updated: view(e) };
    },
  }),
  tool({
    name: "remove_attendee",
    description: "Remove a person from an event's attendees.",
    input: { event_id: eventId, person: z.string().min(1) },
    run: ({ event_id, person }) => {
      const e = findEvent(event_id);
      const p = findPerson(person);
      if (!e.attendees.includes(p.id)) throw new ToolError(`${p.id} does not attend ${e.id}`);
      if (e.attendees.length === 1) throw new ToolError(`${p.id} is the only attendee; cancel ${e.id} instead`);
      e.attendees = e.attendees.filter((x) => x !== p.id);
      return { updated: view(e) };
    },
  }),
  tool({
    name: "find_free_slots",
    description:
      "Find times when all given people are free for a duration, within everyone's working hours on weekdays.",
    input: {
      attendees: z.array(z.string()).min(1),
      duration_minutes: z.number().int().min(5).max(480),
      from_date: day,
      to_date: day,
      step_minutes: z.number().int().min(5).max(120).default(30),
      limit: z.number().int().min(1).max(50).default(10),
    },
    run: (a) => {
      if (a.to_date < a.from_date) throw new ToolError("to_date must not be before from_date");
      const who = [...new Set(a.attendees.map(findPerson))];
      const slots = freeSlots(who, a.from_date, a.to_date, a.duration_minutes, a.step_minutes, a.limit);
      return {
        attendees: who.map((p) => p.id),
        count: slots.length,
        slots: slots.map((s) => ({
          start: iso(s.start),
          end: iso(s.end),
          local: Object.fromEntries(who.map((p) => [p.id, localLabel(s.start, p.timezone)])),
        })),
      };
    },
  }),
  tool({
    name: "check_availability",
    description:
      "Whether each person is free for a time range, the events that block them and whether it is in their working hours.",
    input: { people: z.array(z.string()).min(1), start: when, end: when, timezone },
    run: (a) => {
      const s = span(a.start, a.end, undefined, checkZone(a.timezone));
      return {
        start: iso(s.start),
        end: iso(s.end),
        people: a.people.map(findPerson).map((p) => {
          const busy = busyFor(p.id, s);
          const w = workingWindow(p, wallClock(s.start, p.timezone).date);
          return {
            person: p.id,
            free: busy.length === 0,
            within_working_hours: !!w && s.start >= w.start && s.end <= w.end,
            local_start: localLabel(s.start, p.timezone),
            conflicts: busy.map((e) => ({ id: e.id, title: e.title, start: iso(e.start), end: iso(e.end) })),
          };
        }),
      };
    },
  }),
  tool({
    name: "list_people",
    description: "List the team: ids, names, emails, roles, time zones and working hours.",
    input: { query: z.string().optional().describe("Part of a name, role or email") },
    run: ({ query }) => {
      const q = query?.toLowerCase();
      const hits = people.filter((p) => !q || `${p.name} ${p.role} ${p.email}`.toLowerCase().includes(q));
      return { count: hits.length, people: hits };
    },
  }),
  tool({
    name: "convert_timezone",
    description: "Convert a date-time from one time zone to one or more others (DST-aware).",
    input: { time: when, from_timezone: z.string(), to_timezones: z.array(z.string()).min(1) },
    run: ({ time, from_timezone, to_timezones }) => {
      const ms = parseTime(time, checkZone(from_timezone), "time");
      return {
        utc: iso(ms),
        from: { timezone: from_timezone, local: localLabel(ms, from_timezone) },
        to: to_timezones.map((tz) => ({
          timezone: tz,
          local: localLabel(ms, checkZone(tz)),
          weekday: wallClock(ms, tz).weekday,
        })),
      };
    },
  }),
  tool({
    name: "get_next_event",
    description: "A person's next confirmed event starting at or after an instant.",
    input: { person: z.string().min(1), after: when.describe("ISO instant, e.g. 2026-03-03T12:00:00Z") },
    run: ({ person, after }) => {
      const p = findPerson(person);
      const t = parseTime(after, p.timezone, "after");
      const next = [...events.values()]
        .filter((e) => e.status === "confirmed" && e.attendees.includes(p.id) && e.start >= t)
        .sort((a, b) => a.start - b.start)[0];
      if (!next) return { person: p.id, next: null, note: `No confirmed events for ${p.id} after ${iso(t)}` };
      return {
        person: p.id,
        next: { ...view(next), local_start: localLabel(next.start, p.timezone) },
        starts_in_minutes: Math.round((next.start - t) / 60000),
      };
    },
  }),
  tool({
    name: "get_agenda",
    description:
      "A person's agenda for one day in their own time zone: events in order and the free gaps in their working hours.",
    input: { person: z.string().min(1), date: day },
    run: ({ person, date }) => agenda(findPerson(person), date),
  }),
]);
