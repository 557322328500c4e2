// An import job as the dialog follows it. Safe for the browser.
import { z } from "zod";
import { jobView } from "@/lib/jobs/schemas";
import { importCounts, importFormatSchema, importModeSchema, recordError } from "./schemas";

/** Records done of total, the counts so far and the first errors. */
export const importStatus = z.object({
  job: jobView,
  format: importFormatSchema.nullable(),
  mode: importModeSchema,
  filename: z.string().nullable(),
  records: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  counts: importCounts,
  errors: z.array(recordError),
});
export type ImportStatus = z.infer<typeof importStatus>;
