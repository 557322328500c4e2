// GET|POST /api/v1/projects/{projectId}/trajectories - filter, sort and page trajectories; send new ones
import { ingest, trajectories } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { ingestBatch } from "@/lib/imports/server/ingest-batch";
import { listTrajectories } from "@/lib/trajectories/server/list-trajectories";

export const dynamic = "force-dynamic";
export const GET = handle(trajectories.listTrajectories, async ({ db, params, query }) =>
  listTrajectories({ db, projectId: params.projectId, query }),
);
export const POST = handle(ingest.ingestTrajectories, async ({ db, params, body }) =>
  ingestBatch({ db, projectId: params.projectId, records: body.trajectories }),
);
