// Climate normals from data/climate.json, and a forecast that is honestly a simulation: this
// toolspace is offline, so the "forecast" draws days around the month's normals with a random
// generator seeded by city and date. The same question always gets the same answer.
import { ToolError } from "../shared/serve";
import climate from "./data/climate.json";
import type { City } from "./places";

type Normals = { high_c: number[]; low_c: number[]; precip_mm: number[] };
const table: Record<string, Normals> = climate.cities;
export const climateCities = Object.keys(table);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function normalsFor(city: City): Normals {
  const n = table[city.id];
  if (!n) throw new ToolError(`No climate normals for ${city.name}; available for: ${climateCities.join(", ")}`);
  return n;
}

export function monthlyNormals(city: City, month?: number) {
  const n = normalsFor(city);
  const months = (month ? [month] : MONTHS.map((_, i) => i + 1)).map((m) => ({
    month: MONTHS[m - 1],
    avg_high_c: n.high_c[m - 1],
    avg_low_c: n.low_c[m - 1],
    precip_mm: n.precip_mm[m - 1],
  }));
  const annual = n.precip_mm.reduce((a, b) => a + b, 0);
  return { city: city.id, months, annual_precip_mm: annual, note: "approximate climate normals" };
}

function seeded(text: string) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulatedForecast(city: City, start: string, days: number) {
  const n = normalsFor(city);
  const out = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const m = Number(day.slice(5, 7)) - 1;
    const rnd = seeded(`${city.id}|${day}`);
    const high = n.high_c[m] + (rnd() - 0.5) * 6;
    const low = Math.min(n.low_c[m] + (rnd() - 0.5) * 5, high - 2);
    const wetChance = Math.min(0.85, n.precip_mm[m] / 150 + 0.05);
    const wet = rnd() < wetChance;
    const precip = wet ? (n.precip_mm[m] / (30 * wetChance)) * (0.3 + rnd() * 1.4) : 0;
    const sky = rnd();
    out.push({
      date: day,
      high_c: Math.round(high * 10) / 10,
      low_c: Math.round(low * 10) / 10,
      precip_mm: Math.round(precip * 10) / 10,
      chance_of_precip_percent: Math.round(wetChance * 100),
      conditions: wet ? (high < 1 ? "snow" : "rain") : sky < 0.4 ? "sunny" : sky < 0.75 ? "partly cloudy" : "cloudy",
    });
  }
  return {
    city: city.id,
    source: "simulated from climate normals (offline toolspace; not a real forecast)",
    days: out,
  };
}
