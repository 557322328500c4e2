import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/calendar/server.ts");
}, 30_000);
afterAll(() => s.close());

// biome-ignore lint/suspicious/noExplicitAny: test reads nested JSON answers
const result = async (name: string, args: Record<string, unknown>): Promise<any> => {
  const r = await s.call(name, args);
  expect(r.isError, r.text).toBe(false);
  return r.json;
};
const starts = (r: { slots: { start: string }[] }) => r.slots.map((x) => x.start);

describe("calendar server", () => {
  it("lists its tools and the seeded week", async () => {
    expect((await s.client.listTools()).tools.length).toBeGreaterThanOrEqual(11);
    expect((await result("list_events", {})).count).toBe(18);
    const hana = await result("list_events", { attendee: "Hana" });
    expect(hana.events.map((e: { id: string }) => e.id)).toEqual(["EVT-18", "EVT-9"]);
  });

  it("finds free slots inside everyone's working hours (London 09:00-17:30 and New York 09:00-17:00 overlap 14:00-17:30 UTC)", async () => {
    const args = { attendees: ["ben", "eli"], duration_minutes: 60, from_date: "2026-03-04", to_date: "2026-03-04" };
    const before = await result("find_free_slots", args);
    expect(starts(before)).toEqual(["2026-03-04T16:00:00Z", "2026-03-04T16:30:00Z"]);
    expect(before.slots[0].local.eli).toBe("2026-03-04T11:00-05:00");

    const created = await result("create_event", {
      title: "Pairing: sync API",
      start: "2026-03-04T11:00",
      timezone: "America/New_York",
      duration_minutes: 60,
      attendees: ["ben", "Eli"],
    });
    expect(created.created).toMatchObject({ id: "EVT-19", start: "2026-03-04T16:00:00Z", end: "2026-03-04T17:00:00Z" });
    expect((await result("find_free_slots", args)).count).toBe(0);
    expect(
      (await result("list_events", { attendee: "ben", from: "2026-03-04T00:00Z", to: "2026-03-05T00:00Z" })).events.map(
        (e: { id: string }) => e.id,
      ),
    ).toContain("EVT-19");

    const clash = await s.call("create_event", {
      title: "x",
      start: "2026-03-04T16:30:00Z",
      duration_minutes: 30,
      attendees: ["eli"],
    });
    expect(clash.isError).toBe(true);
    expect(clash.text).toMatch(/eli is in EVT-19 "Pairing: sync API"/);
  });

  it("frees time when an event is cancelled or moved, and keeps the cancelled event readable", async () => {
    await result("cancel_event", { event_id: "EVT-10", reason: "candidate withdrew" });
    const slots = await result("find_free_slots", {
      attendees: ["ben", "eli"],
      duration_minutes: 60,
      from_date: "2026-03-04",
      to_date: "2026-03-04",
    });
    expect(starts(slots)).toEqual(["2026-03-04T15:00:00Z"]);
    expect(await result("get_event", { event_id: "evt-10" })).toMatchObject({
      status: "cancelled",
      cancel_reason: "candidate withdrew",
    });
    expect((await s.call("cancel_event", { event_id: "EVT-10" })).text).toMatch(/already cancelled/);

    const moved = await result("update_event", { event_id: "EVT-19", start: "2026-03-04T15:00:00Z" });
    expect(moved.updated).toMatchObject({ start: "2026-03-04T15:00:00Z", end: "2026-03-04T16:00:00Z" });
    expect((await s.call("update_event", { event_id: "EVT-19", start: "2026-03-04T14:00:00Z" })).text).toMatch(
      /EVT-4 "Daily standup"/,
    );
  });

  it("checks availability and attendee changes", async () => {
    const r = await result("check_availability", {
      people: ["ana", "gus"],
      start: "2026-03-05T12:15:00Z",
      end: "2026-03-05T12:45:00Z",
    });
    expect(r.people.map((p: { free: boolean }) => p.free)).toEqual([false, true]);
    expect(r.people[0].conflicts[0].id).toBe("EVT-12");
    expect((await s.call("add_attendee", { event_id: "EVT-12", person: "gus" })).isError).toBe(false);
    expect(
      (
        await result("check_availability", {
          people: ["gus"],
          start: "2026-03-05T12:15:00Z",
          end: "2026-03-05T12:45:00Z",
        })
      ).people[0].free,
    ).toBe(false);
    expect((await s.call("add_attendee", { event_id: "EVT-12", person: "gus" })).text).toMatch(/already attends/);
    await result("remove_attendee", { event_id: "EVT-12", person: "gus" });
    expect((await result("get_event", { event_id: "EVT-12" })).attendees).not.toContain("gus");
  });

  it("gives a person's day in their own zone with the gaps in their working hours", async () => {
    const a = await result("get_agenda", { person: "farah", date: "2026-03-02" });
    expect(a.events.map((e: { from: string }) => e.from)).toEqual(["10:30", "12:00", "15:30"]);
    expect(a.free_gaps).toEqual([
      { from: "08:30", to: "10:30", minutes: 120 },
      { from: "11:30", to: "12:00", minutes: 30 },
      { from: "12:30", to: "15:30", minutes: 180 },
      { from: "15:45", to: "16:30", minutes: 45 },
    ]);
    const next = await result("get_next_event", { person: "hana", after: "2026-03-03T12:00:00Z" });
    expect(next).toMatchObject({
      starts_in_minutes: 1200,
      next: { id: "EVT-9", local_start: "2026-03-04T17:00+09:00" },
    });
  });

  it("converts time between zones, across the US daylight-saving change", async () => {
    const a = await result("convert_timezone", {
      time: "2026-03-03T09:00",
      from_timezone: "America/New_York",
      to_timezones: ["Europe/Berlin", "Asia/Tokyo"],
    });
    expect(a.to.map((x: { local: string }) => x.local)).toEqual(["2026-03-03T15:00+01:00", "2026-03-03T23:00+09:00"]);
    const b = await result("convert_timezone", {
      time: "2026-03-09T09:00",
      from_timezone: "America/New_York",
      to_timezones: ["Europe/Berlin"],
    });
    expect(b).toMatchObject({ utc: "2026-03-09T13:00:00Z", to: [{ local: "2026-03-09T14:00+01:00" }] });
  });

  it("refuses bad input with the field and the fix, changing nothing", async () => {
    const count = (await result("list_events", { include_cancelled: true })).count;
    for (const [args, msg] of [
      [
        { title: "x", start: "2026-03-03T10:00:00Z", end: "2026-03-03T09:00:00Z", attendees: ["ana"] },
        /end .* must be after start/,
      ],
      [
        { title: "x", start: "tomorrow 3pm", duration_minutes: 30, attendees: ["ana"] },
        /start: "tomorrow 3pm" is not an ISO date-time/,
      ],
      [
        { title: "x", start: "2026-03-03T10:00", timezone: "Mars/Olympus", duration_minutes: 30, attendees: ["ana"] },
        /Unknown time zone/,
      ],
      [{ title: "x", start: "2026-03-03T10:00:00Z", duration_minutes: 30, attendees: ["zoe"] }, /Unknown person "zoe"/],
    ] as const) {
      const r = await s.call("create_event", args);
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(msg);
    }
    expect((await result("list_events", { include_cancelled: true })).count).toBe(count);
    expect((await s.call("get_event", { event_id: "EVT-999" })).text).toMatch(/No event "EVT-999"/);
  });
});
