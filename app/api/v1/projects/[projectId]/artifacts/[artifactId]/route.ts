// GET /api/v1/projects/{projectId}/artifacts/{artifactId} - download a job's file
import { Readable } from "node:stream";
import { jobs } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getArtifact } from "@/lib/storage/server/artifacts";
import { getStorage } from "@/lib/storage/server/storage";

export const dynamic = "force-dynamic";
export const GET = handle(jobs.downloadArtifact, async ({ db, params }) => {
  const a = await getArtifact({ db, ...params });
  const body = Readable.toWeb(getStorage().read(a.key)) as ReadableStream;
  return new Response(body, {
    headers: {
      "content-type": a.contentType,
      "content-length": String(a.bytes),
      "content-disposition": `attachment; filename="${a.filename}"`,
    },
  });
});
