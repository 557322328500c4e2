// "Test" on the policies screen: one small chat offering one tiny tool, no retries, so the person
// sees at once whether the endpoint answers, how fast, and whether it calls tools (an endpoint
// started without tool calling answers in text: a policy must call tools to act).
import type { DbOrTx } from "@/db/client";
import { snippet } from "@/lib/http/retry";
import { completePolicy, type PolicyTool } from "@/lib/runtime/policy/server/chat-policy";
import { contentText } from "@/lib/trajectories/format";
import type { PolicyTestResult } from "../schemas";
import { getPolicyRow } from "./get-policy";
import { policyConfigOf } from "./policy-config";

const probeTool: PolicyTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather in a city.",
    parameters: {
      type: "object",
      properties: { city: { type: "string", description: "City name" } },
      required: ["city"],
    },
  },
};

export async function testPolicy({
  db,
  projectId,
  policyId,
}: {
  db: DbOrTx;
  projectId: string;
  policyId: string;
}): Promise<PolicyTestResult> {
  const config = policyConfigOf(await getPolicyRow({ db, projectId, policyId }));
  const policy = {
    ...config,
    timeoutMs: Math.min(config.timeoutMs, 30_000),
    maxTokens: Math.min(config.maxTokens, 512),
  };
  const t0 = performance.now();
  try {
    const reply = await completePolicy(
      policy,
      [
        { role: "system", content: "You are a helpful assistant. Use a tool when one fits." },
        { role: "user", content: "What is the weather in Paris right now?" },
      ],
      [probeTool],
      { maxRetries: 0, signal: AbortSignal.timeout(35_000) },
    );
    const call = reply.message.tool_calls?.[0];
    return {
      ok: true,
      latencyMs: Math.round(performance.now() - t0),
      toolCall: Boolean(call),
      answer: call
        ? snippet(`${call.function.name}(${call.function.arguments})`, 200)
        : snippet(contentText(reply.message.content ?? ""), 200),
      error: null,
      promptTokens: reply.usage?.promptTokens ?? null,
      completionTokens: reply.usage?.completionTokens ?? null,
    };
  } catch (e) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - t0),
      toolCall: false,
      answer: null,
      error: e instanceof Error ? e.message : String(e),
      promptTokens: null,
      completionTokens: null,
    };
  }
}
