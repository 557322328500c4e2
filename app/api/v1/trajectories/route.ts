// POST /api/v1/trajectories - send trajectories with an API key (ingest scope) to the key's own project
import { ingest } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { ingestBatch } from "@/lib/imports/server/ingest-batch";

export const dynamic = "force-dynamic";
export const POST = handle(ingest.ingestTrajectoriesForKey, async ({ db, grant, body }) =>
  ingestBatch({ db, projectId: grant?.projectId as string, records: body.trajectories }),
);
