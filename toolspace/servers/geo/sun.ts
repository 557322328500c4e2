// Sunrise and sunset by the NOAA "General Solar Position Calculations" (fractional-year
// series for the equation of time and declination, zenith 90.833° for refraction and the
// solar disc). Good to a minute or two away from the poles.
import { localTime } from "./places";

export function sunTimes(date: string, lat: number, lon: number, timeZone: string) {
  const [y, m, d] = date.split("-").map(Number);
  const midnight = Date.UTC(y, m - 1, d);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const doy = Math.round((midnight - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  const g = ((2 * Math.PI) / (leap ? 366 : 365)) * (doy - 1);
  const eqtime =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(g) -
      0.032077 * Math.sin(g) -
      0.014615 * Math.cos(2 * g) -
      0.040849 * Math.sin(2 * g));
  const decl =
    0.006918 -
    0.399912 * Math.cos(g) +
    0.070257 * Math.sin(g) -
    0.006758 * Math.cos(2 * g) +
    0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) +
    0.00148 * Math.sin(3 * g);
  const rad = Math.PI / 180;
  const cosHa = Math.cos(90.833 * rad) / (Math.cos(lat * rad) * Math.cos(decl)) - Math.tan(lat * rad) * Math.tan(decl);
  const noonMin = 720 - 4 * lon - eqtime;
  const at = (min: number) => {
    const t = localTime(new Date(midnight + min * 60_000), timeZone);
    return { local: `${t.date} ${t.time}`, utc: `${new Date(midnight + min * 60_000).toISOString().slice(0, 16)}Z` };
  };
  const base = { date, solar_noon: at(noonMin), declination_deg: Math.round((decl / rad) * 100) / 100 };
  if (cosHa > 1) return { ...base, polar: "polar night: the sun stays below the horizon", day_length_hours: 0 };
  if (cosHa < -1) return { ...base, polar: "midnight sun: the sun stays above the horizon", day_length_hours: 24 };
  const haDeg = Math.acos(cosHa) / rad;
  return {
    ...base,
    sunrise: at(noonMin - 4 * haDeg),
    sunset: at(noonMin + 4 * haDeg),
    day_length_hours: Math.round(((8 * haDeg) / 60) * 100) / 100,
  };
}
