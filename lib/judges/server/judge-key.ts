// The judge's part of the judging cache key: the same configuration gives the same key, whatever
// order its fields were written in; the API key is left out, so rotating it keeps the cache.
import { createHash } from "node:crypto";

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}

export function judgeKey(kind: string, config: Record<string, unknown>): string {
  const { apiKey: _secret, ...rest } = config;
  return `sha256:${createHash("sha256")
    .update(canonicalJson({ kind, config: rest }))
    .digest("hex")}`;
}
