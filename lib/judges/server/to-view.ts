import type { Judge } from "@/db/schema";
import { type JudgeView, modelJudgeConfigView, onnxJudgeConfig } from "../schemas";
import { judgeKey } from "./judge-key";

/** What leaves the server: the configuration without the API key, and whether one is stored. */
export function toJudgeView(row: Judge): JudgeView {
  const config = row.config as Record<string, unknown>;
  const base = {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    key: judgeKey(row.kind, config),
    createdAt: row.createdAt.toISOString(),
  };
  if (row.kind === "model")
    return { ...base, kind: "model", config: modelJudgeConfigView.parse(config), hasApiKey: Boolean(config.apiKey) };
  return { ...base, kind: "onnx", config: onnxJudgeConfig.parse(config), hasApiKey: false };
}
