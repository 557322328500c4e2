// GET /api/v1/projects/{projectId}/imports/{jobId} - an import's progress in records, its counts and errors
import { imports } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { getImport } from "@/lib/imports/server/get-import";

export const dynamic = "force-dynamic";
export const GET = handle(imports.getImport, async ({ db, params }) => getImport({ db, ...params }));
