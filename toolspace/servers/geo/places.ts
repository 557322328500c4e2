// Cities and countries from data/, looked up by id, name or ISO code with accents and case
// ignored, and the geometry the tools share (great-circle distance, local clock time).
import { ToolError } from "../shared/serve";
import cityTable from "./data/cities.json";
import countryTable from "./data/countries.json";

export type City = {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  timezone: string;
  elevation_m: number;
};
export type Country = {
  code: string;
  name: string;
  capital: string;
  continent: string;
  currency: string;
  calling_code: string;
  neighbours: string[];
};

const rowsToObjects = <T>(t: { columns: string[]; rows: unknown[][] }) =>
  t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])) as T);

export const cities = rowsToObjects<City>(cityTable);
export const countries = rowsToObjects<Country>(countryTable);
export const countryByCode = new Map(countries.map((c) => [c.code, c]));

export const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();

export function findCity(ref: string): City {
  const key = fold(ref);
  const hit = cities.find(
    (c) => c.id === key || fold(c.name) === key || `${fold(c.name)}, ${c.country.toLowerCase()}` === key,
  );
  if (hit) return hit;
  const near = cities.filter((c) => fold(c.name).includes(key) || key.includes(fold(c.name))).map((c) => c.id);
  throw new ToolError(
    `Unknown city "${ref}"${near.length ? `; did you mean ${near.slice(0, 5).join(", ")}?` : "; use search_cities to find one"}`,
  );
}

export function findCountry(ref: string): Country {
  const key = fold(ref);
  const hit = countries.find((c) => c.code.toLowerCase() === key || fold(c.name) === key);
  if (!hit) throw new ToolError(`Unknown country "${ref}"; give an ISO 3166 alpha-2 code (e.g. FR) or a name`);
  return hit;
}

export const withCountry = (c: City) => ({ ...c, country_name: countryByCode.get(c.country)?.name ?? null });

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius
export const KM_PER_MILE = 1.609344;

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial compass bearing from a to b in degrees. */
export function bearing(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return (Math.atan2(y, x) / rad + 360) % 360;
}

/** Wall-clock time of `instant` in `timeZone` and the zone's UTC offset then. */
export function localTime(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "long",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMin = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: parts.weekday,
    utc_offset: `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`,
    offset_minutes: offsetMin,
  };
}
