// Per-step context accounting while the episode runs, by the same rule as importing a trajectory
// (account-context.ts): a step's context is what the model's context held when the step was
// produced; tools a step loads or unloads count from the next step on.
import type { ContextTokens, TrajectoryStep } from "@/lib/trajectories/format";
import { messageText } from "@/lib/trajectories/format";
import { contextTotal, toolSchemaText } from "@/lib/trajectories/server/account-context";
import type { Tokenizer } from "@/lib/trajectories/server/tokenizers";
import type { ToolDefinition } from "../strategies/meta-tools";

export type ContextMeter = {
  /** the context now: what the next model request holds */
  now(): ContextTokens;
  total(): number;
  /** counts a step's message and applies its load changes; answers the message's tokens */
  add(step: Pick<TrajectoryStep, "message" | "toolsLoaded" | "toolsUnloaded">): number;
};

export function createContextMeter(
  tok: Tokenizer,
  definitions: readonly ToolDefinition[],
  initialTools: readonly string[],
): ContextMeter {
  const defs = new Map(definitions.map((d) => [d.name, d]));
  const cost = new Map<string, number>();
  const costOf = (name: string) => {
    let c = cost.get(name);
    if (c === undefined) {
      const d = defs.get(name);
      c = d ? tok.count(toolSchemaText(d)) : 0;
      cost.set(name, c);
    }
    return c;
  };
  const loaded = new Set<string>();
  const running: ContextTokens = { system: 0, toolSchemas: 0, history: 0, toolOutputs: 0 };
  const load = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    running.toolSchemas += costOf(name);
  };
  for (const n of initialTools) load(n);
  return {
    now: () => ({ ...running }),
    total: () => contextTotal(running),
    add(step) {
      for (const n of step.toolsLoaded ?? []) load(n);
      for (const n of step.toolsUnloaded ?? []) if (loaded.delete(n)) running.toolSchemas -= costOf(n);
      const tokens = tok.count(messageText(step.message));
      const role = step.message.role;
      if (role === "system") running.system += tokens;
      else if (role === "tool") running.toolOutputs += tokens;
      else running.history += tokens;
      return tokens;
    },
  };
}
