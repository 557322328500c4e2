// World geography from local files: ~110 cities and their countries, distances, time zones,
// sun times, climate normals and a clearly labelled simulated forecast.
import { z } from "zod";
import { serveStdio, ToolError, tool, toolspaceNow } from "../shared/serve";
import {
  bearing,
  cities,
  countries,
  countryByCode,
  findCity,
  findCountry,
  fold,
  haversineKm,
  KM_PER_MILE,
  localTime,
  withCountry,
} from "./places";
import { sunTimes } from "./sun";
import { monthlyNormals, simulatedForecast } from "./weather";

const city = z.string().min(1).describe('City id or name, e.g. "paris", "New York" or "São Paulo"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const unit = z.enum(["km", "mi"]).default("km");
const r1 = (x: number) => Math.round(x * 10) / 10;
const brief = (c: (typeof cities)[number]) => ({
  id: c.id,
  name: c.name,
  country: c.country,
  population: c.population,
});

await serveStdio("geo", "1.0.0", [
  tool({
    name: "search_cities",
    description:
      "Search the world cities data set by name, country, continent or minimum population; sorted by population.",
    input: {
      query: z.string().optional().describe("Part of the city name"),
      country: z.string().optional().describe("ISO alpha-2 code or country name"),
      continent: z.string().optional(),
      min_population: z.number().nonnegative().optional(),
      limit: z.number().int().min(1).max(100).default(10),
    },
    run: ({ query, country, continent, min_population, limit }) => {
      const cc = country ? findCountry(country).code : undefined;
      const hits = cities
        .filter((c) => !query || fold(c.name).includes(fold(query)))
        .filter((c) => !cc || c.country === cc)
        .filter((c) => !continent || fold(countryByCode.get(c.country)?.continent ?? "") === fold(continent))
        .filter((c) => min_population === undefined || c.population >= min_population)
        .sort((a, b) => b.population - a.population);
      return { total: hits.length, cities: hits.slice(0, limit).map(brief) };
    },
  }),
  tool({
    name: "get_city",
    description: "Get a city's details: country, coordinates, approximate metro population, time zone and elevation.",
    input: { city },
    run: ({ city: ref }) => withCountry(findCity(ref)),
  }),
  tool({
    name: "get_country",
    description:
      "Get a country's capital, continent, currency code, calling code, land neighbours and its cities in the data set.",
    input: { country: z.string().min(1).describe("ISO alpha-2 code or name, e.g. JP or Japan") },
    run: ({ country }) => {
      const c = findCountry(country);
      return { ...c, cities: cities.filter((x) => x.country === c.code).map(brief) };
    },
  }),
  tool({
    name: "search_countries",
    description: "List countries filtered by continent, currency code or name fragment.",
    input: { continent: z.string().optional(), currency: z.string().optional(), query: z.string().optional() },
    run: ({ continent, currency, query }) => {
      const hits = countries
        .filter((c) => !continent || fold(c.continent) === fold(continent))
        .filter((c) => !currency || c.currency === currency.toUpperCase())
        .filter((c) => !query || fold(c.name).includes(fold(query)));
      return {
        total: hits.length,
        countries: hits.map(({ code, name, capital, currency: cur }) => ({ code, name, capital, currency: cur })),
      };
    },
  }),
  tool({
    name: "get_country_neighbours",
    description: "The countries sharing a land border with a country.",
    input: { country: z.string().min(1) },
    run: ({ country }) => {
      const c = findCountry(country);
      return {
        country: c.code,
        neighbours: c.neighbours.map((code) => ({
          code,
          name: countryByCode.get(code)?.name ?? null,
          in_dataset: countryByCode.has(code),
        })),
      };
    },
  }),
  tool({
    name: "calculate_distance",
    description: "Great-circle (haversine) distance and initial bearing between two cities.",
    input: { from_city: city, to_city: city, unit },
    run: ({ from_city, to_city, unit: u }) => {
      const a = findCity(from_city);
      const b = findCity(to_city);
      const km = haversineKm(a, b);
      return {
        from: a.id,
        to: b.id,
        distance: r1(u === "km" ? km : km / KM_PER_MILE),
        unit: u,
        bearing_deg: Math.round(bearing(a, b)),
      };
    },
  }),
  tool({
    name: "find_cities_within_radius",
    description: "Cities within a radius of a city or of a latitude/longitude, nearest first.",
    input: {
      city: city.optional(),
      lat: z.number().min(-90).max(90).optional(),
      lon: z.number().min(-180).max(180).optional(),
      radius: z.number().positive(),
      unit,
    },
    run: ({ city: ref, lat, lon, radius, unit: u }) => {
      const centre = ref ? findCity(ref) : lat !== undefined && lon !== undefined ? { lat, lon, id: null } : null;
      if (!centre) throw new ToolError("Give a city, or both lat and lon");
      const km = u === "km" ? radius : radius * KM_PER_MILE;
      const hits = cities
        .filter((c) => c.id !== centre.id)
        .map((c) => ({ ...brief(c), distance: haversineKm(centre, c) }))
        .filter((c) => c.distance <= km)
        .sort((a, b) => a.distance - b.distance)
        .map((c) => ({ ...c, distance: r1(u === "km" ? c.distance : c.distance / KM_PER_MILE) }));
      return { centre: centre.id ?? { lat, lon }, radius, unit: u, count: hits.length, cities: hits };
    },
  }),
  tool({
    name: "find_nearest_city",
    description: "The data set's cities nearest to a latitude/longitude.",
    input: {
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      count: z.number().int().min(1).max(20).default(1),
    },
    run: ({ lat, lon, count }) => ({
      nearest: cities
        .map((c) => ({ ...brief(c), distance_km: r1(haversineKm({ lat, lon }, c)) }))
        .sort((a, b) => a.distance_km - b.distance_km)
        .slice(0, count),
    }),
  }),
  tool({
    name: "get_local_time",
    description:
      "Local date, time and UTC offset in a city now or at a given instant (uses the city's IANA time zone).",
    input: {
      city,
      at: z
        .string()
        .datetime({ offset: true })
        .optional()
        .describe("ISO instant, e.g. 2026-03-02T09:00:00Z; default: the toolspace's now, 2026-11-25T09:00:00Z"),
    },
    run: ({ city: ref, at }) => {
      const c = findCity(ref);
      return {
        city: c.id,
        timezone: c.timezone,
        instant: at ?? toolspaceNow().toISOString(),
        ...localTime(at ? new Date(at) : toolspaceNow(), c.timezone),
      };
    },
  }),
  tool({
    name: "compare_city_populations",
    description: "Rank two or more cities by approximate metro population, with ratios to the largest.",
    input: { cities: z.array(city).min(2).max(20) },
    run: ({ cities: refs }) => {
      const list = refs.map(findCity).sort((a, b) => b.population - a.population);
      return {
        ranking: list.map((c, i) => ({
          rank: i + 1,
          ...brief(c),
          share_of_largest: Math.round((c.population / list[0].population) * 1000) / 1000,
        })),
        total_population: list.reduce((s, c) => s + c.population, 0),
        note: "approximate metropolitan-area populations",
      };
    },
  }),
  tool({
    name: "get_sun_times",
    description:
      "Approximate sunrise, sunset, solar noon and day length in a city on a date (NOAA solar formulas, local time).",
    input: { city, date: isoDate },
    run: ({ city: ref, date }) => {
      const c = findCity(ref);
      if (Number.isNaN(Date.parse(date))) throw new ToolError(`Invalid date "${date}"`);
      return { city: c.id, timezone: c.timezone, ...sunTimes(date, c.lat, c.lon, c.timezone) };
    },
  }),
  tool({
    name: "get_climate_normals",
    description: "Approximate monthly climate normals for a city: average high and low °C and precipitation mm.",
    input: { city, month: z.number().int().min(1).max(12).optional() },
    run: ({ city: ref, month }) => monthlyNormals(findCity(ref), month),
  }),
  tool({
    name: "get_weather_forecast",
    description:
      "Weather forecast for a city for up to 7 days from a date. Offline: simulated from the city's climate normals.",
    input: { city, start_date: isoDate, days: z.number().int().min(1).max(7).default(3) },
    run: ({ city: ref, start_date, days }) => simulatedForecast(findCity(ref), start_date, days),
  }),
]);
