// GET /api/v1/projects/{projectId}/labels/export - stream all labels as JSONL or CSV
import { labeling } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { exportLabels, toByteStream } from "@/lib/labeling/server/export-labels";

export const dynamic = "force-dynamic";
export const GET = handle(labeling.exportLabels, async ({ db, params, query }) => {
  const out = await exportLabels({ db, projectId: params.projectId, query });
  return new Response(toByteStream(out.text), {
    headers: {
      "content-type": out.contentType,
      "content-disposition": `attachment; filename="${out.filename}"`,
      "cache-control": "no-store",
    },
  });
});
