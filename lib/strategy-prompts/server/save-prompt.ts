// Saving a strategy prompt adds its next version; versions never change, so a run that names one
// can always say which prompt its episodes had.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { strategyPrompts, user } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { PROMPT_VARIABLES, unknownPlaceholders } from "@/lib/runtime/strategies/prompts";
import { type PromptVersionInput, promptVersionInput } from "../schemas";
import { toPromptVersionView } from "./list-prompts";

export async function savePrompt({
  db,
  projectId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string | null;
  input: PromptVersionInput;
}) {
  const { strategy, template, note } = promptVersionInput.parse(input);
  const unknown = unknownPlaceholders(strategy, template);
  if (unknown.length)
    throw invalid(
      "template",
      `${unknown.map((u) => `{{${u}}}`).join(", ")} ${unknown.length > 1 ? "are" : "is"} not filled for ${strategy}: ` +
        `use ${PROMPT_VARIABLES[strategy].map((v) => `{{${v}}}`).join(", ")}`,
    );
  // the unique (project, strategy, version) key turns a concurrent save into an error, never a shared number
  const [row] = await db
    .insert(strategyPrompts)
    .values({
      projectId,
      strategy,
      template,
      note,
      createdBy: userId,
      version: sql`(select coalesce(max(${strategyPrompts.version}), 0) + 1 from ${strategyPrompts} where ${and(
        eq(strategyPrompts.projectId, projectId),
        eq(strategyPrompts.strategy, strategy),
      )})`,
    })
    .returning();
  const [author] = userId ? await db.select({ name: user.name }).from(user).where(eq(user.id, userId)) : [];
  return toPromptVersionView(row, author?.name ?? null);
}
