"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type QueryPatch = Record<string, string | number | null | undefined>;

/**
 * Filters, sort and paging live in the URL so a view can be shared: read with `get`,
 * change with `set` (router.replace, no history entry, no scroll jump). Empty values drop out.
 */
export function useUrlQuery() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = useCallback(
    (patch: QueryPatch) => {
      // read the live URL, so two quick updates in a row do not undo each other
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const get = useCallback((k: string) => params.get(k) ?? "", [params]);
  const getInt = useCallback(
    (k: string, fallback: number) => {
      const n = Number.parseInt(params.get(k) ?? "", 10);
      return Number.isFinite(n) && n >= 0 ? n : fallback;
    },
    [params],
  );
  return { params, get, getInt, set };
}
