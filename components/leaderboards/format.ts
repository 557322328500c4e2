// How the leaderboard writes its figures and where each one drills down to.
import { formatCompact } from "@/components/ui/format";
import type { LeaderboardRow } from "@/lib/leaderboards/schemas";
import { hasInterval } from "@/lib/leaderboards/stats";

export const strategyLabel = (s: string | null) =>
  s === null ? "—" : ({ eager: "eager", isl: "ISL", itl: "ITL", "itl-ptc": "ITL+PTC", "itl+ptc": "ITL+PTC" }[s] ?? s);

// Fixed per strategy so a strategy keeps its colour on every page; mid tones read on both themes.
const palette: Record<string, string> = {
  eager: "#e0557a",
  isl: "#d48a1a",
  itl: "#1e9bb8",
  "itl-ptc": "#8b5cf6",
  "itl+ptc": "#8b5cf6",
};
const spare = ["#3fa46a", "#c2653a", "#5b7fe0", "#b5488f"];
export function strategyColor(s: string | null) {
  if (s && palette[s]) return palette[s];
  let h = 0;
  for (const c of s ?? "") h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return spare[h % spare.length];
}

export const fmtScore = (v: number | null) => (v === null ? "—" : v.toFixed(2));
export const fmtPct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
export const fmtOne = (v: number | null) => (v === null ? "—" : v < 10 ? v.toFixed(1) : String(Math.round(v)));
export const fmtTokens = (v: number | null) => (v === null ? "—" : formatCompact(Math.round(v)));
export function fmtMs(v: number | null) {
  if (v === null) return "—";
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
  return `${(v / 60_000).toFixed(1)} min`;
}

export const intervalText = ({ interval: i }: LeaderboardRow) =>
  hasInterval(i) ? `[${i.low.toFixed(2)}, ${i.high.toFixed(2)}]` : null;

/** The trajectory list filtered to the episodes behind a figure (its URL uses the API's parameter names). */
export function trajectoriesHref(projectId: string, runId: string, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ runId, ...extra });
  return `/projects/${projectId}/trajectories?${q}`;
}

export const runHref = (projectId: string, runId: string) => `/projects/${projectId}/runs/${runId}`;
