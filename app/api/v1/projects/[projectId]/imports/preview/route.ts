// POST /api/v1/projects/{projectId}/imports/preview - detect a file's format and preview its first records
import { imports } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { previewImport } from "@/lib/imports/server/preview-import";

export const dynamic = "force-dynamic";
export const POST = handle(imports.previewImport, async ({ body }) => previewImport(body));
