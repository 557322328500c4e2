// Time-zone arithmetic with Intl only: wall-clock parts of an instant in a zone, and the
// instant of a wall-clock time in a zone (two passes, so a DST change between guess and
// answer is taken into account).
import { ToolError } from "../shared/serve";

export function checkZone(tz: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    throw new ToolError(`Unknown time zone "${tz}"; use an IANA name such as Europe/Berlin or America/New_York`);
  }
  return tz;
}

export function wallClock(ms: number, tz: string) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  const offset = Math.round((asUtc - Math.floor(ms / 60000) * 60000) / 60000);
  const sign = offset < 0 ? "-" : "+";
  const a = Math.abs(offset);
  const off = `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    weekday: p.weekday,
    offset: off,
    offsetMin: offset,
  };
}

/** "2026-03-03 15:00" style local rendering with the zone's offset. */
export const localLabel = (ms: number, tz: string) => {
  const w = wallClock(ms, tz);
  return `${w.date}T${w.time}${w.offset}`;
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** An instant from ISO text; text without an offset is wall-clock time in `tz`. */
export function parseTime(text: string, tz: string, field: string): number {
  const m = ISO.exec(text.trim());
  if (!m)
    throw new ToolError(`${field}: "${text}" is not an ISO date-time such as 2026-03-03T15:00 or 2026-03-03T15:00:00Z`);
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
  if (new Date(wall).getUTCDate() !== +d || +h > 23 || +mi > 59)
    throw new ToolError(`${field}: "${text}" is not a real date-time`);
  if (zone === "Z") return wall;
  if (zone) {
    const sign = zone[0] === "-" ? -1 : 1;
    return wall - sign * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6)) * 60000;
  }
  checkZone(tz);
  let utc = wall - wallClock(wall, tz).offsetMin * 60000;
  utc = wall - wallClock(utc, tz).offsetMin * 60000;
  return utc;
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
