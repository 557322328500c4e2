import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../shared/test-client";

let s: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  s = await startServer("toolspace/servers/geo/server.ts");
}, 30_000);
afterAll(() => s.close());

// biome-ignore lint/suspicious/noExplicitAny: test reads nested JSON answers
const result = async (name: string, args: Record<string, unknown>): Promise<any> => {
  const r = await s.call(name, args);
  expect(r.isError, r.text).toBe(false);
  return r.json;
};
const minutes = (hhmm: string) => Number(hhmm.slice(-5, -3)) * 60 + Number(hhmm.slice(-2));

describe("geo server", () => {
  it("lists its tools", async () => {
    expect((await s.client.listTools()).tools.length).toBeGreaterThanOrEqual(11);
  });

  it("measures great-circle distances (Paris-London about 344 km, New York-Los Angeles about 2445 mi)", async () => {
    const pl = await result("calculate_distance", { from_city: "Paris", to_city: "london" });
    expect(Math.abs(pl.distance - 344)).toBeLessThan(2);
    const ny = await result("calculate_distance", { from_city: "new york", to_city: "Los Angeles", unit: "mi" });
    expect(Math.abs(ny.distance - 2445)).toBeLessThan(10);
    expect(ny.bearing_deg).toBeGreaterThan(260);
  });

  it("finds cities by name with accents ignored, by country and by population", async () => {
    expect((await result("get_city", { city: "sao paulo" })).country_name).toBe("Brazil");
    const de = await result("search_cities", { country: "Germany" });
    expect(de.cities.map((c: { id: string }) => c.id)).toEqual(["berlin", "hamburg", "munich"]);
    const big = await result("search_cities", { continent: "Asia", min_population: 30_000_000 });
    expect(big.cities.map((c: { id: string }) => c.id)).toEqual(["tokyo", "jakarta", "delhi"]);
  });

  it("answers radius and nearest-point queries", async () => {
    const near = await result("find_cities_within_radius", { city: "brussels", radius: 300 });
    expect(near.cities.map((c: { id: string }) => c.id)).toEqual(["amsterdam", "paris"]);
    expect((await result("find_nearest_city", { lat: 48, lon: 11 })).nearest[0].id).toBe("munich");
    expect((await s.call("find_cities_within_radius", { radius: 10 })).text).toMatch(
      /Give a city, or both lat and lon/,
    );
  });

  it("gives local time with the zone's offset, including half-hour zones", async () => {
    const at = "2026-01-15T12:00:00Z";
    expect(await result("get_local_time", { city: "tokyo", at })).toMatchObject({
      time: "21:00",
      utc_offset: "+09:00",
    });
    expect(await result("get_local_time", { city: "kathmandu", at })).toMatchObject({
      time: "17:45",
      utc_offset: "+05:45",
    });
    expect(await result("get_local_time", { city: "new-york", at: "2026-07-01T12:00:00Z" })).toMatchObject({
      time: "08:00",
    });
  });

  it("computes sunrise and sunset near published values (London midsummer 04:43 / 21:21 BST)", async () => {
    const r = await result("get_sun_times", { city: "london", date: "2026-06-21" });
    expect(Math.abs(minutes(r.sunrise.local) - minutes("04:43"))).toBeLessThanOrEqual(3);
    expect(Math.abs(minutes(r.sunset.local) - minutes("21:21"))).toBeLessThanOrEqual(3);
    const w = await result("get_sun_times", { city: "london", date: "2026-12-21" });
    expect(w.day_length_hours).toBeGreaterThan(7.6);
    expect(w.day_length_hours).toBeLessThan(8);
  });

  it("reports countries and neighbours", async () => {
    const ch = await result("get_country_neighbours", { country: "ch" });
    expect(ch.neighbours.map((n: { code: string }) => n.code)).toEqual(["AT", "DE", "FR", "IT", "LI"]);
    expect(await result("get_country", { country: "Japan" })).toMatchObject({
      capital: "Tokyo",
      currency: "JPY",
      calling_code: "+81",
    });
    expect((await result("search_countries", { currency: "eur" })).total).toBe(11);
  });

  it("ranks populations", async () => {
    const r = await result("compare_city_populations", { cities: ["delhi", "tokyo", "lagos"] });
    expect(r.ranking.map((c: { id: string }) => c.id)).toEqual(["tokyo", "delhi", "lagos"]);
  });

  it("serves approximate normals and a forecast labelled as simulated, the same on every call", async () => {
    const n = await result("get_climate_normals", { city: "cairo", month: 7 });
    expect(n.months[0]).toMatchObject({ month: "Jul", avg_high_c: 34.7 });
    const f1 = await result("get_weather_forecast", { city: "london", start_date: "2026-03-02", days: 3 });
    const f2 = await result("get_weather_forecast", { city: "london", start_date: "2026-03-02", days: 3 });
    expect(f1).toEqual(f2);
    expect(f1.source).toMatch(/simulated from climate normals/);
    for (const d of f1.days) expect(Math.abs(d.high_c - 11.7)).toBeLessThanOrEqual(3);
    expect((await s.call("get_weather_forecast", { city: "lima", start_date: "2026-03-02" })).text).toMatch(
      /No climate normals for Lima/,
    );
  });

  it("names the problem on bad input", async () => {
    expect((await s.call("get_city", { city: "Atlantis" })).text).toMatch(/Unknown city "Atlantis"/);
    expect((await s.call("get_country", { country: "XX" })).text).toMatch(/Unknown country "XX"/);
    expect((await s.call("get_sun_times", { city: "paris", date: "21/06/2026" })).isError).toBe(true);
  });
});
