// The catalogue of a toolspace, built once per process for the same servers and tools: a
// benchmark runs many episodes over one toolspace, and the search index hangs off the catalogue
// object (tool-state.ts), so rebuilding it per episode would rebuild BM25 over every tool each time.
import { createHash } from "node:crypto";
import { buildCatalogue, type StrategyCatalogue } from "../strategies/catalogue";
import type { EpisodeServer } from "./types";

const KEEP = 16;
const cache = new Map<string, StrategyCatalogue>();

export function catalogueOf(servers: readonly EpisodeServer[]): StrategyCatalogue {
  const key = createHash("sha1")
    .update(JSON.stringify(servers.map((s) => [s.name, s.description, s.tools])))
    .digest("base64");
  const hit = cache.get(key);
  if (hit) {
    // most recently used last, so the oldest goes first
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const built = buildCatalogue(
    servers.flatMap((s) => s.tools.map((t) => ({ ...t, server: s.name }))),
    Object.fromEntries(servers.map((s) => [s.name, s.description])),
  );
  if (cache.size >= KEEP) cache.delete(cache.keys().next().value as string);
  cache.set(key, built);
  return built;
}
