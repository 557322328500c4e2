// A judge row as the engine calls it.
import type { Judge } from "@/db/schema";
import { createJudge } from "@/lib/judges/server/create-judge";
import type { EngineJudge } from "./judge-trajectory";

export function openJudge(row: Judge | null): EngineJudge {
  if (!row || row.kind === "program") return null;
  return { kind: row.kind, judge: createJudge(row) };
}
