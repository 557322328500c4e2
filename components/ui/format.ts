// Number, size and duration formats used across the studio (one place, so every page agrees).
const nf = new Intl.NumberFormat("en-US");

export const formatNumber = (n: number) => nf.format(n);

/** 950 -> "950", 12_345 -> "12.3k", 85_013 -> "85k", 1_234_567 -> "1.2M" */
export function formatCompact(n: number) {
  const short = (v: number) => (v < 100 ? v.toFixed(1).replace(/\.0$/, "") : String(Math.round(v)));
  if (n < 1000) return formatNumber(n);
  if (n < 999_500) return `${short(n / 1000)}k`;
  return `${short(n / 1_000_000)}M`;
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** 75 -> "1m 15s", 3700 -> "1h 1m" */
export function formatDuration(seconds: number) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  return `${h}h ${m % 60}m`;
}

export function formatRate(perSecond: number, unit = "steps") {
  if (perSecond >= 10) return `${Math.round(perSecond)} ${unit}/s`;
  if (perSecond >= 1) return `${perSecond.toFixed(1)} ${unit}/s`;
  if (perSecond * 60 >= 1) return `${(perSecond * 60).toFixed(1)} ${unit}/min`;
  return `${(perSecond * 3600).toFixed(1)} ${unit}/h`;
}

export const shortId = (id: string) => id.slice(0, 8);

export function formatRelative(date: Date, now = Date.now()) {
  const diff = (date.getTime() - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });
  // clocks of the server and the browser differ by a little: a few seconds ahead is "just now" too
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(diff / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), "hour");
  if (abs < 86400 * 30) return rtf.format(Math.round(diff / 86400), "day");
  return date.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" });
}

export const formatAbsolute = (date: Date) =>
  date.toLocaleString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
  });
