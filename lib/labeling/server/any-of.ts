import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * `column = any($1::uuid[])`: one parameter for the whole list. Lists here run to thousands
 * (a queue's trajectories), where one parameter per id (`inArray`) is several times slower.
 */
export const anyOf = (column: Column, ids: string[]): SQL => sql`${column} = any(${sql.param(ids)}::uuid[])`;
