import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { strategyPrompts, user } from "@/db/schema";
import { DEFAULT_LIMITS } from "@/lib/runtime/sandbox/run-program";
import { DEFAULT_K, MAX_K } from "@/lib/runtime/strategies/meta-tools";
import { DEFAULT_PROMPTS, PROMPT_VARIABLES, type Strategy, strategies } from "@/lib/runtime/strategies/prompts";
import type { PromptVersionView, StrategyPromptsView } from "../schemas";

export function toPromptVersionView(
  r: typeof strategyPrompts.$inferSelect,
  createdBy: string | null = null,
): PromptVersionView {
  return {
    id: r.id,
    strategy: r.strategy as Strategy,
    version: r.version,
    template: r.template,
    note: r.note,
    createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Every strategy with its built-in default, the variables it fills, and the project's versions. */
export async function listPrompts({ db, projectId }: { db: DbOrTx; projectId: string }): Promise<StrategyPromptsView> {
  const rows = await db
    .select({ row: strategyPrompts, author: user.name })
    .from(strategyPrompts)
    .leftJoin(user, eq(user.id, strategyPrompts.createdBy))
    .where(eq(strategyPrompts.projectId, projectId))
    .orderBy(desc(strategyPrompts.version));
  return {
    runtimeDefaults: {
      k: DEFAULT_K,
      max_k: MAX_K,
      time_ms: DEFAULT_LIMITS.timeMs,
      max_tool_calls: DEFAULT_LIMITS.maxToolCalls,
    },
    items: strategies.map((strategy) => ({
      strategy,
      defaultTemplate: DEFAULT_PROMPTS[strategy],
      variables: [...PROMPT_VARIABLES[strategy]],
      versions: rows.filter((r) => r.row.strategy === strategy).map((r) => toPromptVersionView(r.row, r.author)),
    })),
  };
}
