// OpenAI-compatible endpoints accept function names matching ^[a-zA-Z0-9_-]{1,64}$ only, while
// catalogue names may be qualified ("geo.get_city") or carry other characters. The model sees
// function names; trajectories keep catalogue names. The map is built once per episode from the
// whole catalogue (meta-tools included), so a name keeps its function name when tools load and unload.
import { createHash } from "node:crypto";

export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX = 64;
const KEEP = 55;

export type FunctionNames = {
  /** catalogue name → the function name the model sees */
  toFunction(name: string): string;
  /** function name the model called → catalogue name; undefined for a name not offered */
  toCatalogue(fn: string): string | undefined;
};

const hash8 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

/**
 * The rule: "." becomes "__", any other character outside [a-zA-Z0-9_-] becomes "_"; a name
 * longer than 64 keeps its first 55 characters, then "_" and the first 8 hex digits of the SHA-256
 * of the catalogue name. Two names that would map alike (a.b and a__b) both take the hashed form.
 */
export function functionName(name: string, hashed = false): string {
  const plain = name.replace(/\./g, "__").replace(/[^a-zA-Z0-9_-]/g, "_") || "_";
  if (!hashed && plain.length <= MAX) return plain;
  return `${plain.slice(0, KEEP)}_${hash8(name)}`;
}

export function buildFunctionNames(names: readonly string[]): FunctionNames {
  const unique = [...new Set(names)];
  const plain = new Map<string, string[]>();
  for (const n of unique) {
    const f = functionName(n);
    plain.set(f, [...(plain.get(f) ?? []), n]);
  }
  const toFn = new Map<string, string>();
  const toCat = new Map<string, string>();
  for (const [f, holders] of plain) {
    // a catalogue name that is already a valid function name keeps it; the others hash
    const keeper = holders.length === 1 ? holders[0] : holders.find((h) => h === f);
    for (const n of holders) {
      const fn = n === keeper ? f : functionName(n, true);
      if (toCat.has(fn)) throw new Error(`tool names ${toCat.get(fn)} and ${n} map to one function name ${fn}`);
      toFn.set(n, fn);
      toCat.set(fn, n);
    }
  }
  return {
    toFunction(name) {
      const f = toFn.get(name);
      if (f !== undefined) return f;
      // a name outside the catalogue (never offered) still gets a valid, stable function name
      return functionName(name);
    },
    toCatalogue: (fn) => toCat.get(fn),
  };
}
