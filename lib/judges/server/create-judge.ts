// The judge for a row of `judges`. Instances are kept per judge and configuration, so every caller in
// this process (judging runs, the reward API, the test button) shares one concurrency limit per judge.
import { createHash } from "node:crypto";
import type { Judge } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { modelJudgeConfig, onnxJudgeConfig } from "../schemas";
import { canonicalJson } from "./judge-key";
import { createModelJudge, type ModelJudgeOptions } from "./model-judge";
import { createOnnxJudge } from "./onnx-judge";
import type { CriterionJudge } from "./types";

const instances = new Map<string, CriterionJudge>();

export function createJudge(row: Pick<Judge, "id" | "kind" | "config">, opts: ModelJudgeOptions = {}): CriterionJudge {
  const id = `${row.id}:${row.kind}:${createHash("sha256").update(canonicalJson(row.config)).digest("hex")}:${opts.backoffBaseMs ?? ""}`;
  const known = instances.get(id);
  if (known) return known;
  let judge: CriterionJudge;
  if (row.kind === "model") judge = createModelJudge(modelJudgeConfig.parse(row.config), opts);
  else if (row.kind === "onnx") judge = createOnnxJudge(onnxJudgeConfig.parse(row.config));
  else throw invalid("judgeId", "program checks run without a judge: choose a model or ONNX judge");
  for (const k of instances.keys()) if (k.startsWith(`${row.id}:`)) instances.delete(k);
  instances.set(id, judge);
  return judge;
}
