// The ingest API: a batch of canonical records, each validated and answered on its own, the
// valid ones written in one transaction. Idempotent by the record's id (or its content hash).
import type { Db } from "@/db/client";
import { ingestTrajectories } from "@/lib/trajectories/server/ingest-trajectories";
import type { IngestResponse } from "../schemas";
import { checkRaw } from "../validate";

export async function ingestBatch({
  db,
  projectId,
  records,
}: {
  db: Db;
  projectId: string;
  records: unknown[];
}): Promise<IngestResponse> {
  const items = records.map((r, i) => checkRaw(i, r));
  const results = await db.transaction((tx) => ingestTrajectories({ db: tx, projectId, items }));
  const counts = { created: 0, exists: 0, invalid: 0 };
  for (const r of results) counts[r.status]++;
  return {
    counts,
    results: results.map((r) =>
      r.status === "invalid"
        ? { index: r.index, status: r.status, id: null, clientId: null, errors: r.errors }
        : { index: r.index, status: r.status, id: r.id, clientId: r.clientId, errors: [] },
    ),
  };
}
