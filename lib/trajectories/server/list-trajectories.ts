// One page of a project's trajectories: filtered, sorted, with keyset paging and a total.
import { and, count, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { labels, runs, trajectories as t } from "@/db/schema";
import { invalid } from "@/lib/errors";
import type { TrajectoryList, TrajectoryListQuery, TrajectorySortKey } from "../schemas";
import { type Cursor, decodeCursor, encodeCursor, listFilters, sortColumns, sortValueText } from "./list-filters";

type Segment = "valued" | "null";

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

  const read = (segment: Segment, from: Cursor | null, n: number) => {
    const where: (SQL | undefined)[] = [filters];
    if (segment === "null") {
      where.push(isNull(col));
      if (from) where.push(sql`${t.id} ${past} ${from.id}::uuid`);
    } else {
      if (spec.nullable) where.push(isNotNull(col));
      if (from) where.push(sql`(${col}, ${t.id}) ${past} (${from.value}::${sql.raw(spec.cast)}, ${from.id}::uuid)`);
    }
    return db
      .select({ ...rowColumns, runName: runs.name, sortValue: sortValueText(key) })
      .from(t)
      .leftJoin(runs, eq(runs.id, t.runId))
      .where(and(...where))
      .orderBy(...(segment === "null" ? [sql`${t.id} ${dir}`] : [sql`${col} ${dir}`, sql`${t.id} ${dir}`]))
      .limit(n);
  };

  const segments: Segment[] = spec.nullable ? (backward ? ["null", "valued"] : ["valued", "null"]) : ["valued"];
  const start = cursor ? segments.indexOf(cursor.value === null ? "null" : "valued") : 0;
  if (start < 0) throw invalid("cursor", "cursor does not fit this sort: leave it out to start from the first page");

  const want = query.limit + 1;
  const totalQuery = db.select({ n: count() }).from(t).where(filters);
  const rows: Awaited<ReturnType<typeof read>> = [];
  for (let i = start; i < segments.length && rows.length < want; i++)
    rows.push(...(await read(segments[i], i === start ? cursor : null, want - rows.length)));
  const [[{ n: total }], labelCounts] = await Promise.all([
    totalQuery,
    countLabels(
      db,
      rows.map((r) => r.id),
    ),
  ]);

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
    total,
    nextCursor: backward || more ? edge(page.at(-1), "after") : null,
    prevCursor: backward ? (more ? edge(page[0], "before") : null) : cursor ? edge(page[0], "before") : null,
  };
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
