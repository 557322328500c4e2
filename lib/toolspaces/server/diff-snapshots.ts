import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { toolSnapshots } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { SnapshotDiff } from "../schemas";
import { getServerRow } from "./get-toolspace";

type SnapTool = { name: string; description: string; inputSchema: unknown; schemaTokens?: number };

// snapshots store canonical JSON (sorted keys), so equal schemas stringify equally
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two versions of a server's tool list: tools added, removed, and changed. */
export async function diffSnapshots({
  db,
  projectId,
  toolspaceId,
  serverId,
  from,
  to,
}: {
  db: DbOrTx;
  projectId: string;
  toolspaceId: string;
  serverId: string;
  from: number;
  to: number;
}): Promise<SnapshotDiff> {
  await getServerRow(db, projectId, toolspaceId, serverId);
  const rows = await db
    .select({ version: toolSnapshots.version, tools: toolSnapshots.tools })
    .from(toolSnapshots)
    .where(and(eq(toolSnapshots.serverId, serverId), inArray(toolSnapshots.version, [from, to])));
  const of = (v: number, field: string) => {
    const row = rows.find((r) => r.version === v);
    if (!row) throw notFound(`Version ${v} of this server's tool list`, field);
    return new Map((row.tools as SnapTool[]).map((t) => [t.name, t]));
  };
  const a = of(from, "from");
  const b = of(to, "to");
  const brief = (t: SnapTool) => ({ name: t.name, schemaTokens: t.schemaTokens ?? 0 });
  const diff: SnapshotDiff = { from, to, added: [], removed: [], changed: [], unchanged: 0 };
  for (const [name, t] of b) if (!a.has(name)) diff.added.push(brief(t));
  for (const [name, t] of a) {
    const next = b.get(name);
    if (!next) {
      diff.removed.push(brief(t));
      continue;
    }
    const description = t.description !== next.description;
    const inputSchema = !same(t.inputSchema, next.inputSchema);
    if (description || inputSchema)
      diff.changed.push({
        name,
        description,
        inputSchema,
        fromTokens: t.schemaTokens ?? 0,
        toTokens: next.schemaTokens ?? 0,
      });
    else diff.unchanged++;
  }
  return diff;
}
