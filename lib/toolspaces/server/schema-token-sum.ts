import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The schema tokens of a set of tools, or null when any of them was imported before schemas
 * were counted: a partial sum would pass for the whole.
 */
export function schemaTokenSum(id: AnyColumn | SQL, tokens: AnyColumn | SQL) {
  return sql<
    number | null
  >`case when count(${id}) filter (where ${tokens} is null) > 0 then null else coalesce(sum(${tokens}), 0)::int end`;
}
