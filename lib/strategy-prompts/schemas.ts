// Strategy prompts: the system prompt template of each loading strategy, the built-in default and
// the project's saved versions (immutable; saving makes the next version). Safe for the browser.
import { z } from "zod";
import { strategies } from "@/lib/runtime/strategies/prompts";

export const strategySchema = z.enum(strategies, "strategy is eager, isl, itl or itl-ptc");

export const promptVersionInput = z.object({
  strategy: strategySchema,
  template: z
    .string({ error: "template is required: the system prompt, with {{variables}} of its strategy" })
    .max(20_000, "keep the template under 20000 characters")
    .refine((s) => s.trim().length > 0, "the template is empty: write the system prompt the agent starts with"),
  note: z.string().trim().max(500, "keep the note under 500 characters").default(""),
});
export type PromptVersionInput = z.input<typeof promptVersionInput>;

export const promptVersionView = z.object({
  id: z.string(),
  strategy: strategySchema,
  version: z.number(),
  template: z.string(),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type PromptVersionView = z.infer<typeof promptVersionView>;

export const strategyPromptsView = z.object({
  /** what the runtime fills k, max_k, time_ms and max_tool_calls with unless a run sets otherwise */
  runtimeDefaults: z.object({ k: z.number(), max_k: z.number(), time_ms: z.number(), max_tool_calls: z.number() }),
  items: z.array(
    z.object({
      strategy: strategySchema,
      /** the built-in template an episode uses when no version is chosen */
      defaultTemplate: z.string(),
      /** the {{variables}} this strategy fills */
      variables: z.array(z.string()),
      /** newest first */
      versions: z.array(promptVersionView),
    }),
  ),
});
export type StrategyPromptsView = z.infer<typeof strategyPromptsView>;
