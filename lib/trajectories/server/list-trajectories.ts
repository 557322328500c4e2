// One page of a project's trajectories: filtered, sorted, with keyset paging and a total.
import { and, count, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { labels, runs, trajectories as t } from "@/db/schema";
import { invalid } from "@/lib/errors";
import type { TrajectoryList, TrajectoryListQuery, TrajectorySortKey } from "../schemas";
import { type Cursor, decodeCursor, encodeCursor, listFilters, sortColumns, sortValueText } from "./list-filters";

type Segment = "valued" | "null" | "all";

// what a row shows; the messages, tool definitions and search vector stay in the table
const rowColumns = {
  id: t.id,
  clientId: t.clientId,
  summary: t.summary,
  taskRef: t.taskRef,
  taskId: t.taskId,
  runId: t.runId,
  policy: t.policy,
  loadingStrategy: t.loadingStrategy,
  outcome: t.outcome,
  reward: t.reward,
  stepCount: t.stepCount,
  toolCallCount: t.toolCallCount,
  toolErrorCount: t.toolErrorCount,
  peakContextTokens: t.peakContextTokens,
  contextLimit: t.contextLimit,
  durationMs: t.durationMs,
  createdAt: t.createdAt,
};

/**
 * Rows without a value (no reward, no duration) come last in either direction. Each page is
 * read as up to two index-ordered segments, the valued rows then the null ones, so that a
 * keyset `(value, id) > (cursor)` stays one range scan on a (project_id, column, id) index.
 */
export async function listTrajectories({
  db,
  projectId,
  query,
}: {
  db: DbOrTx;
  projectId: string;
  query: TrajectoryListQuery;
}): Promise<TrajectoryList> {
  const key = query.sort.replace(/^-/, "") as TrajectorySortKey;
  const spec = sortColumns[key];
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const filters = listFilters(projectId, query);
  const backward = cursor?.dir === "before";
  // read in the page's order, or in its reverse to collect the rows before a cursor
  const readDesc = query.sort.startsWith("-") !== backward;
  const dir = sql.raw(readDesc ? "desc" : "asc");
  const past = sql.raw(readDesc ? "<" : ">");
  const col = spec.column;

  const cast = sql.raw(spec.cast);
  const valuedPast = (c: Cursor) => sql`(${col}, ${t.id}) ${past} (${c.value}::${cast}, ${c.id}::uuid)`;
  const nullPast = (c: Cursor) => sql`${t.id} ${past} ${c.id}::uuid`;

  const read = (tx: DbOrTx, segment: Segment, from: Cursor | null, n: number) => {
    const where: (SQL | undefined)[] = [filters];
    let order: SQL[] = [sql`${col} ${dir}`, sql`${t.id} ${dir}`];
    if (segment === "null") {
      where.push(isNull(col));
      if (from) where.push(nullPast(from));
      order = [sql`${t.id} ${dir}`];
    } else if (segment === "valued") {
      if (spec.nullable) where.push(isNotNull(col));
      if (from) where.push(valuedPast(from));
    } else {
      // both at once, nulls after the values in the page's order (before them read backwards)
      order = [sql`(${col} is null) ${sql.raw(backward ? "desc" : "asc")}`, ...order];
      if (from?.value === null)
        where.push(backward ? or(and(isNull(col), nullPast(from)), isNotNull(col)) : and(isNull(col), nullPast(from)));
      else if (from)
        where.push(
          backward ? and(isNotNull(col), valuedPast(from)) : or(and(isNotNull(col), valuedPast(from)), isNull(col)),
        );
    }
    // the page's ids first, sorting only (value, id); the row's columns and run for those alone
    const ids = tx
      .select({ id: t.id })
      .from(t)
      .where(and(...where))
      .orderBy(...order)
      .limit(n)
      .as("page");
    return tx
      .select({ ...rowColumns, runName: runs.name, sortValue: sortValueText(key) })
      .from(ids)
      .innerJoin(t, eq(t.id, ids.id))
      .leftJoin(runs, eq(runs.id, t.runId))
      .orderBy(...order);
  };

  // An index walk reads segments in index order; a search sorts its matches, so one statement
  // with nulls last does in one pass what two would.
  const segments: Segment[] = !spec.nullable
    ? ["valued"]
    : query.q
      ? ["all"]
      : backward
        ? ["null", "valued"]
        : ["valued", "null"];
  const start = cursor && segments[0] !== "all" ? segments.indexOf(cursor.value === null ? "null" : "valued") : 0;
  if (start < 0 || (cursor?.value === null && !spec.nullable))
    throw invalid("cursor", "cursor does not fit this sort: leave it out to start from the first page");

  const want = query.limit + 1;
  // on the pool the count runs beside the page; inside a caller's transaction, after it
  const inTx = db instanceof PgTransaction;
  const counting = inTx ? null : countWithin(db, filters, query.q);
  const rows = await planned(db, query.q, async (tx) => {
    const out: Awaited<ReturnType<typeof read>> = [];
    for (let i = start; i < segments.length && out.length < want; i++)
      out.push(...(await read(tx, segments[i], i === start ? cursor : null, want - out.length)));
    return out;
  });
  const labelCounts = await countLabels(
    db,
    rows.map((r) => r.id),
  );

  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backward) page.reverse();
  const edge = (r: (typeof page)[number] | undefined, d: Cursor["dir"]) =>
    r ? encodeCursor({ sort: query.sort, value: r.sortValue, id: r.id, dir: d }) : null;
  return {
    items: page.map(({ sortValue: _, ...r }) => ({
      ...r,
      labelCount: labelCounts.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    })),
    total: await (counting ?? countWithin(db, filters, query.q)),
    nextCursor: backward || more ? edge(page.at(-1), "after") : null,
    prevCursor: backward ? (more ? edge(page[0], "before") : null) : cursor ? edge(page[0], "before") : null,
  };
}

/** Past this, a count is given up and the total is null: paging works without it. */
export const COUNT_BUDGET_MS = 1500;

/**
 * The planner does not price reading a search vector stored out of line (TOAST), so it may
 * scan the table testing `@@` row by row, or walk a sort index doing so past thousands of
 * rows: seconds at 100k episodes, where the GIN index answers in milliseconds. Words are
 * therefore found through the index alone (a bitmap that needs no vector read), and the
 * matches sorted. A phrase needs word positions, so each candidate's vector is read either
 * way: walking the sort index then stops as soon as the page is full.
 */
function planned<T>(db: DbOrTx, q: string | undefined, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (!q) return fn(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true),
      set_config('enable_indexscan',
        case when websearch_to_tsquery('english', ${q})::text ~ '<[0-9-]+>' then 'on' else 'off' end, true)`);
    return fn(tx);
  });
}

/** An exact count, or null past the budget (a phrase of common words must read every vector). */
export async function countWithin(
  db: DbOrTx,
  filters: SQL,
  q: string | undefined,
  budgetMs = COUNT_BUDGET_MS,
): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', ${String(budgetMs)}, true)`);
      return planned(tx, q, async (c) => (await c.select({ n: count() }).from(t).where(filters))[0].n);
    });
  } catch (e) {
    // 57014: canceled by statement_timeout (drizzle wraps the driver's error in `cause`)
    const err = e as { code?: string; cause?: { code?: string } };
    if ((err.cause?.code ?? err.code) === "57014") return null;
    throw e;
  }
}

async function countLabels(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await db
    .select({ id: labels.trajectoryId, n: count() })
    .from(labels)
    .where(inArray(labels.trajectoryId, ids))
    .groupBy(labels.trajectoryId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
