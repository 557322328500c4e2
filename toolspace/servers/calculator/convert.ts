// Unit and currency conversion over the factor tables in data/, so the answer always names the
// factors it used and the model can check them.
import { ToolError } from "../shared/serve";
import rates from "./data/currency-rates.json";
import table from "./data/units.json";

type Dimension = { base: string; units: Record<string, number> };
export const dimensions = Object.fromEntries(
  Object.entries(table).filter(([k]) => k !== "_source") as [string, Dimension][],
);

const ALIASES: Record<string, string> = {
  meter: "m",
  meters: "m",
  metre: "m",
  kilometer: "km",
  kilometers: "km",
  mile: "mi",
  miles: "mi",
  foot: "ft",
  feet: "ft",
  inch: "in",
  inches: "in",
  yard: "yd",
  kilogram: "kg",
  kilograms: "kg",
  gram: "g",
  grams: "g",
  pound: "lb",
  pounds: "lb",
  lbs: "lb",
  ounce: "oz",
  liter: "l",
  litre: "l",
  liters: "l",
  gallon: "gal",
  kmh: "km/h",
  kph: "km/h",
  knot: "kn",
  knots: "kn",
  celsius: "C",
  fahrenheit: "F",
  kelvin: "K",
  "°c": "C",
  "°f": "F",
  hour: "h",
  hours: "h",
  minute: "min",
  minutes: "min",
  second: "s",
  seconds: "s",
  days: "day",
  weeks: "week",
  years: "year",
  byte: "B",
  bytes: "B",
  acres: "acre",
  hectare: "ha",
};

function find(unit: string): { dim: string; unit: string } {
  const u = ALIASES[unit.toLowerCase()] ?? unit;
  for (const [dim, d] of Object.entries(dimensions)) {
    const hit =
      Object.keys(d.units).find((k) => k === u) ??
      Object.keys(d.units).find((k) => k.toLowerCase() === u.toLowerCase());
    if (hit) return { dim, unit: hit };
  }
  throw new ToolError(`Unknown unit "${unit}"; call list_units for the supported units`);
}

const toCelsius = (v: number, u: string) => (u === "C" ? v : u === "F" ? ((v - 32) * 5) / 9 : v - 273.15);
const fromCelsius = (c: number, u: string) => (u === "C" ? c : u === "F" ? (c * 9) / 5 + 32 : c + 273.15);

export function convertUnits(value: number, from: string, to: string) {
  const a = find(from);
  const b = find(to);
  if (a.dim !== b.dim) throw new ToolError(`Cannot convert ${a.unit} (${a.dim}) to ${b.unit} (${b.dim})`);
  if (a.dim === "temperature") {
    const c = toCelsius(value, a.unit);
    if (c < -273.15) throw new ToolError(`${value} ${a.unit} is below absolute zero`);
    return { value, from: a.unit, to: b.unit, result: fromCelsius(c, b.unit), dimension: a.dim, method: "formula" };
  }
  const d = dimensions[a.dim];
  const factor = d.units[a.unit] / d.units[b.unit];
  return { value, from: a.unit, to: b.unit, result: value * factor, dimension: a.dim, factor };
}

export const currencySnapshot = {
  date: rates.date,
  base: rates.base,
  note: "fixed snapshot of approximate rates, not live",
};
const perUsd: Record<string, number> = rates.perUsd;

export function convertCurrency(amount: number, from: string, to: string) {
  const f = from.toUpperCase();
  const t = to.toUpperCase();
  for (const c of [f, t])
    if (!(c in perUsd)) throw new ToolError(`Unknown currency "${c}"; known: ${Object.keys(perUsd).join(", ")}`);
  const rate = perUsd[t] / perUsd[f];
  return {
    amount,
    from: f,
    to: t,
    rate: Number(rate.toPrecision(6)),
    result: Math.round(amount * rate * 100) / 100,
    ...currencySnapshot,
  };
}

export const currencies = () => ({ ...currencySnapshot, perUsd });
