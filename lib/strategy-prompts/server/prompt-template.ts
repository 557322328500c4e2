import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { strategyPrompts } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { DEFAULT_PROMPTS, type Strategy } from "@/lib/runtime/strategies/prompts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The template an episode of this strategy starts with: the named saved version, or the built-in
 * default (version null) when none is named. A named version of another project or strategy is not found.
 */
export async function promptTemplate(
  db: DbOrTx,
  projectId: string,
  strategy: Strategy,
  versionId?: string | null,
): Promise<{ template: string; version: number | null }> {
  if (!versionId) return { template: DEFAULT_PROMPTS[strategy], version: null };
  if (!UUID.test(versionId)) throw notFound(`The ${strategy} prompt version`, "promptVersionId");
  const [row] = await db
    .select({ template: strategyPrompts.template, version: strategyPrompts.version })
    .from(strategyPrompts)
    .where(
      and(
        eq(strategyPrompts.id, versionId),
        eq(strategyPrompts.projectId, projectId),
        eq(strategyPrompts.strategy, strategy),
      ),
    )
    .orderBy(desc(strategyPrompts.version))
    .limit(1);
  if (!row) throw notFound(`The ${strategy} prompt version`, "promptVersionId");
  return row;
}
