// POST /api/v1/projects/{projectId}/imports - upload a trajectory file (raw body, streamed) and launch its import
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import { imports } from "@/lib/api/contracts";
import { launcherOf } from "@/lib/api/server/grant";
import { handle } from "@/lib/api/server/handle";
import { startImport } from "@/lib/imports/server/start-import";
import { getSenderBoss } from "@/lib/jobs/server/boss";

export const dynamic = "force-dynamic";
export const POST = handle(imports.startImport, async ({ db, params, query, grant, req }) =>
  startImport({
    db,
    boss: await getSenderBoss(),
    projectId: params.projectId,
    by: launcherOf(grant),
    body: req.body ? Readable.fromWeb(req.body as WebStream) : null,
    contentLength: Number(req.headers.get("content-length")) || null,
    query,
  }),
);
