// The list's filters as SQL, its sort columns, and its keyset cursor.
import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { labels, trajectories as t } from "@/db/schema";
import { invalid } from "@/lib/errors";
import type { TrajectoryListQuery, TrajectorySortKey } from "../schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function listFilters(projectId: string, q: TrajectoryListQuery): SQL {
  const where: SQL[] = [eq(t.projectId, projectId)];
  if (q.runId) where.push(eq(t.runId, q.runId));
  if (q.task)
    where.push(UUID.test(q.task) ? (or(eq(t.taskId, q.task), eq(t.taskRef, q.task)) as SQL) : eq(t.taskRef, q.task));
  if (q.outcome?.length) {
    const named = q.outcome.filter((o) => o !== "none");
    const parts = [
      ...(named.length ? [inArray(t.outcome, named)] : []),
      ...(q.outcome.includes("none") ? [isNull(t.outcome)] : []),
    ];
    where.push(parts.length === 1 ? parts[0] : (or(...parts) as SQL));
  }
  if (q.rewardMin !== undefined) where.push(sql`${t.reward} >= ${q.rewardMin}`);
  if (q.rewardMax !== undefined) where.push(sql`${t.reward} <= ${q.rewardMax}`);
  if (q.tools?.length)
    where.push(
      sql`${t.toolsUsed} @> array[${sql.join(
        q.tools.map((name) => sql`${name}`),
        sql`, `,
      )}]::text[]`,
    );
  if (q.toolErrors) where.push(q.toolErrors === "yes" ? sql`${t.toolErrorCount} > 0` : eq(t.toolErrorCount, 0));
  if (q.labels) {
    const labeled = sql`exists (select 1 from ${labels} where ${labels.trajectoryId} = ${t.id})`;
    where.push(q.labels === "labeled" ? labeled : sql`not ${labeled}`);
  }
  if (q.policy) where.push(eq(t.policy, q.policy));
  if (q.strategy) where.push(eq(t.loadingStrategy, q.strategy));
  if (q.q) where.push(sql`${t.search} @@ websearch_to_tsquery('english', ${q.q})`);
  return and(...where) as SQL;
}

type SortSpec = { column: AnyPgColumn; nullable: boolean; cast: string };

export const sortColumns: Record<TrajectorySortKey, SortSpec> = {
  createdAt: { column: t.createdAt, nullable: false, cast: "timestamptz" },
  reward: { column: t.reward, nullable: true, cast: "double precision" },
  stepCount: { column: t.stepCount, nullable: false, cast: "integer" },
  peakContextTokens: { column: t.peakContextTokens, nullable: true, cast: "integer" },
  toolCallCount: { column: t.toolCallCount, nullable: false, cast: "integer" },
  toolErrorCount: { column: t.toolErrorCount, nullable: false, cast: "integer" },
  durationMs: { column: t.durationMs, nullable: true, cast: "integer" },
};

/** The sort value as exact text (a JS Date would drop the microseconds and skip rows). */
export const sortValueText = (key: TrajectorySortKey): SQL<string | null> =>
  key === "createdAt"
    ? sql<string>`to_char(${t.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql<string | null>`${sortColumns[key].column}::text`;

/**
 * Where a page starts: the row on its edge (sort value, id) and the way to go from it.
 * It names its sort so that a cursor is never applied to another order.
 */
export type Cursor = { sort: string; value: string | null; id: string; dir: "after" | "before" };

export const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify([c.sort, c.value, c.id, c.dir])).toString("base64url");

export function decodeCursor(raw: string, sort: string): Cursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parts = null;
  }
  const bad = () =>
    invalid("cursor", "cursor is not one this list gave out: leave it out to start from the first page");
  if (!Array.isArray(parts) || parts.length !== 4) throw bad();
  const [s, value, id, dir] = parts;
  if (typeof s !== "string" || (value !== null && typeof value !== "string")) throw bad();
  if (typeof id !== "string" || !UUID.test(id) || (dir !== "after" && dir !== "before")) throw bad();
  if (s !== sort)
    throw invalid("cursor", `cursor belongs to sort '${s}', not '${sort}': leave it out to start from the first page`);
  if (value !== null && !validValue(s.replace(/^-/, "") as TrajectorySortKey, value)) throw bad();
  return { sort: s, value, id, dir };
}

function validValue(key: TrajectorySortKey, v: string) {
  if (key === "createdAt") return !Number.isNaN(Date.parse(v));
  if (key === "reward") return Number.isFinite(Number(v));
  return /^-?\d{1,10}$/.test(v);
}
