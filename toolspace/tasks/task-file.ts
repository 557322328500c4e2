// The offline task set's file format (offline-tasks.json): each task with the servers and tools
// it needs, the calls that solve it, a reference answer, claims for a judge and program checks.
import { z } from "zod";
import { programCheck } from "@/lib/rubrics/program-checks";

const qualified = z.string().regex(/^[a-z][a-z0-9-]*\.[A-Za-z0-9_-]+$/, 'a qualified tool name "server.tool"');

export const taskCategories = ["lookup", "compute", "search", "cross-server", "state-change"] as const;

export const offlineTask = z.object({
  id: z.string().regex(/^OFF-\d{2}$/),
  category: z.enum(taskCategories),
  prompt: z.string().min(20),
  servers: z.array(z.string().min(1)).min(1),
  referenceTools: z.array(qualified).min(1),
  /** in order, on fresh servers; `${EPISODE_DIR}` in a string argument is the episode's own folder */
  solution: z.array(z.object({ tool: qualified, args: z.record(z.string(), z.unknown()) })).min(1),
  referenceAnswer: z.string().min(1),
  /** strings the solution's tool results must contain somewhere: the answer's numbers, ids and names */
  facts: z.array(z.string().min(1)).min(1),
  claims: z.array(z.string().min(10)).min(2).max(4),
  /** program checks name tools as the model sees them: bare names, unique across the bundled servers */
  checks: z.array(programCheck).min(1),
});
export type OfflineTask = z.infer<typeof offlineTask>;

export const offlineTaskFile = z.object({
  _source: z.string(),
  name: z.string(),
  description: z.string(),
  tasks: z.array(offlineTask).min(1),
});
export type OfflineTaskFile = z.infer<typeof offlineTaskFile>;
