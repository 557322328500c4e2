// GET|POST /api/v1/projects/{projectId}/strategy-prompts - defaults and versions per strategy; save the next version
import { strategyPrompts } from "@/lib/api/contracts";
import { handle } from "@/lib/api/server/handle";
import { listPrompts } from "@/lib/strategy-prompts/server/list-prompts";
import { savePrompt } from "@/lib/strategy-prompts/server/save-prompt";

export const dynamic = "force-dynamic";
export const GET = handle(strategyPrompts.listStrategyPrompts, async ({ db, params }) =>
  listPrompts({ db, projectId: params.projectId }),
);
export const POST = handle(strategyPrompts.saveStrategyPrompt, async ({ db, params, body, grant }) =>
  savePrompt({
    db,
    projectId: params.projectId,
    userId: grant?.caller.kind === "user" ? grant.caller.userId : null,
    input: body,
  }),
);
