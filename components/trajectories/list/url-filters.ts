"use client";
import { useMemo } from "react";
import { type QueryPatch, useUrlQuery } from "@/components/ui/use-url-query";

// The URL uses the API's own parameter names, so a shared link reads the same in both.
export const filterKeys = [
  "q",
  "runId",
  "task",
  "outcome",
  "rewardMin",
  "rewardMax",
  "tools",
  "toolErrors",
  "labels",
  "policy",
  "strategy",
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Record<FilterKey, string>;

export const DEFAULT_SORT = "-createdAt";
export const PAGE_SIZES = [50, 100, 200] as const;

/** Filters, sort and the page position, read from and written to the URL. */
export function useListUrl() {
  const url = useUrlQuery();
  const { get } = url;
  const filters = useMemo(() => Object.fromEntries(filterKeys.map((k) => [k, get(k)])) as Filters, [get]);
  const sort = get("sort") || DEFAULT_SORT;
  const sizeParam = Number(get("limit"));
  const limit = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 100;
  const cursor = get("cursor");
  /** 1-based number of the first row shown, for "101–200 of 5,000" (a cursor has no offset) */
  const from = Math.max(1, url.getInt("from", 1));

  const apiParams = useMemo(() => {
    const p = new URLSearchParams();
    for (const k of filterKeys) if (filters[k]) p.set(k, filters[k]);
    p.set("sort", sort);
    p.set("limit", String(limit));
    return p;
  }, [filters, sort, limit]);

  const active = filterKeys.filter((k) => filters[k]).length;
  /** any change of filters or sort starts again from the first page */
  const setFilters = (patch: Partial<Record<FilterKey | "sort" | "limit", string | null>>) =>
    url.set({ ...(patch as QueryPatch), cursor: null, from: null });
  const clearFilters = () =>
    url.set({ ...Object.fromEntries(filterKeys.map((k) => [k, null])), cursor: null, from: null });
  const goTo = (nextCursor: string | null, nextFrom: number) =>
    url.set({ cursor: nextCursor, from: nextCursor && nextFrom > 1 ? nextFrom : null });

  return { filters, sort, limit, cursor, from, apiParams, active, setFilters, clearFilters, goTo };
}

export const listOf = (csv: string) => (csv ? csv.split(",").filter(Boolean) : []);
