// GET /api/v1/openapi.json - the OpenAPI document, generated from the route contracts
import { system } from "@/lib/api/contracts";
import { buildOpenApi } from "@/lib/api/openapi";
import { handle } from "@/lib/api/server/handle";

export const dynamic = "force-dynamic";
export const GET = handle(system.openapi, async () => buildOpenApi());
