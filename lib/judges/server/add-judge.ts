import type { DbOrTx } from "@/db/client";
import { judges } from "@/db/schema";
import { type JudgeInput, judgeInput } from "../schemas";
import { toJudgeView } from "./to-view";

export async function addJudge({ db, projectId, input }: { db: DbOrTx; projectId: string; input: JudgeInput }) {
  const { name, kind, config } = judgeInput.parse(input);
  const stored = kind === "model" ? { ...config, apiKey: config.apiKey ?? null } : config;
  const [row] = await db.insert(judges).values({ projectId, name, kind, config: stored }).returning();
  return toJudgeView(row);
}
