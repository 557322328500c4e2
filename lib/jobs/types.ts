// Job contracts: name, version, zod payload. Payloads carry ids and options, not data;
// new payload fields are optional so that queued jobs survive an upgrade.
import { z } from "zod";
import { fieldMappingSchema, importFormatSchema, importModeSchema } from "@/lib/imports/schemas";

export const jobTypes = {
  "project.export": {
    version: 1,
    title: "Export project",
    description: "Writes the project's task sets, tasks, rubrics, trajectories, scores and labels to a JSONL archive",
    payload: z.object({
      /** records per step: smaller steps show finer progress and lose less on a crash */
      pageSize: z.number().int().min(10).max(5000).optional(),
    }),
  },
  "trajectories.import": {
    version: 1,
    title: "Import trajectories",
    description:
      "Reads an uploaded file (JSONL, JSON, Inspect log, MCP-Atlas CSV), validates every record, then imports it page by page",
    payload: z.object({
      /** the uploaded file */
      artifactId: z.uuid("artifactId must be an artifact's UUID"),
      /** detected from the file when left out */
      format: importFormatSchema.optional(),
      /** the file's fields for the canonical ones; guessed from the first records when left out */
      mapping: fieldMappingSchema.optional(),
      mode: importModeSchema.default("all-or-nothing"),
      /** records per step */
      pageSize: z.number().int().min(10).max(5000).optional(),
    }),
  },
  "rubrics.judge": {
    version: 1,
    title: "Judge trajectories",
    description:
      "Scores trajectories with a rubric version: program checks, and the chosen model or ONNX judge; the judging cache skips what was judged before",
    payload: z.object({
      judgingRunId: z.uuid("judgingRunId must be a judging run's UUID"),
      /** trajectories per step; chosen from the criteria when left out */
      pageSize: z.number().int().min(1).max(1000).optional(),
    }),
  },
  "bench.run": {
    version: 1,
    title: "Benchmark run",
    description:
      "Runs a benchmark run's episodes (task × sample) in batches of its concurrency, each in a fresh folder against the toolspace, then judges them with the run's rubric",
    payload: z.object({
      runId: z.uuid("runId must be a benchmark run's UUID"),
      /** run only these episodes (re-run failed); every unfinished episode when left out */
      episodeIds: z.array(z.uuid("episodeIds must be episode UUIDs")).max(100_000).optional(),
    }),
  },
} as const;

export type JobType = keyof typeof jobTypes;
export const jobTypeNames = Object.keys(jobTypes) as [JobType, ...JobType[]];
export const jobTypeSchema = z.enum(jobTypeNames);
export type JobPayload<T extends JobType> = z.infer<(typeof jobTypes)[T]["payload"]>;
