// Trajectory imports: file formats, the field mapping, the preview, the ingest API and the
// import job's report. Safe for the browser.
import { z } from "zod";

/**
 * How records are laid out in a file. `json-messages` is a bare list of chat messages (one
 * episode); `json-object` is one episode; `json-array` a list of episodes or canonical records.
 */
export const importFormats = [
  "jsonl",
  "json-array",
  "json-object",
  "json-messages",
  "inspect-log",
  "mcp-atlas-csv",
] as const;
export const importFormatSchema = z.enum(importFormats, {
  error: `format must be one of ${importFormats.join(", ")} (leave it out to detect it)`,
});
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const formatLabels: Record<ImportFormat, string> = {
  jsonl: "JSONL, one record per line",
  "json-array": "JSON list of records",
  "json-object": "JSON, one episode",
  "json-messages": "JSON list of chat messages (one episode)",
  "inspect-log": "Inspect AI eval log (JSON)",
  "mcp-atlas-csv": "MCP-Atlas tasks CSV (reference trajectories)",
};

/** What each line, row or element of the file is. */
export const recordShapes = ["canonical", "episode", "messages", "inspect-sample", "mcp-atlas-row"] as const;
export type RecordShape = (typeof recordShapes)[number];

export const importModes = ["all-or-nothing", "valid-only"] as const;
export const importModeSchema = z.enum(importModes, {
  error: "mode must be all-or-nothing (one bad record imports nothing) or valid-only (skip bad records)",
});
export type ImportMode = z.infer<typeof importModeSchema>;

/** Canonical fields that a file's own fields can be mapped onto; the rest goes to metadata. */
export const mappingTargets = [
  "messages",
  "id",
  "taskId",
  "prompt",
  "reward",
  "outcome",
  "finalAnswer",
  "policy",
  "runId",
] as const;
export type MappingTarget = (typeof mappingTargets)[number];

export const targetLabels: Record<MappingTarget, { label: string; hint: string }> = {
  messages: { label: "Messages", hint: "the list of chat messages (OpenAI format)" },
  id: { label: "Trajectory id", hint: "importing the same id again changes nothing" },
  taskId: { label: "Task id", hint: "matched against the project's tasks" },
  prompt: { label: "Prompt", hint: "the task's question; added as the user message when the messages have none" },
  reward: { label: "Reward", hint: "a number (true/false count as 1/0)" },
  outcome: { label: "Outcome", hint: "correct/incorrect, true/false, 1/0, pass/fail, C/I, partial, error" },
  finalAnswer: { label: "Final answer", hint: "the agent's answer" },
  policy: { label: "Policy / model", hint: "the model that produced the episode" },
  runId: { label: "Run id", hint: "a run of this project, by its UUID" },
};

/** A dotted path into each record (`metadata.task_id`), or null for "not mapped". */
const sourcePath = z.string().min(1).max(200).nullable();
export const fieldMappingSchema = z.partialRecord(z.enum(mappingTargets), sourcePath);
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const recordIssue = z.object({ path: z.string(), message: z.string() });
export type RecordIssue = z.infer<typeof recordIssue>;

/** Where a bad record is: `line` for JSONL, the spreadsheet row for CSV, else the record number. */
export const recordError = z.object({
  index: z.number().int(),
  line: z.number().int().nullable(),
  errors: z.array(recordIssue),
});
export type RecordError = z.infer<typeof recordError>;

export const fieldInfo = z.object({
  path: z.string(),
  type: z.string(),
  /** records of the sample that have it */
  present: z.number().int(),
  example: z.string(),
});
export type FieldInfo = z.infer<typeof fieldInfo>;

// ---- preview ----

export const PREVIEW_SAMPLE_BYTES = 2 * 1024 * 1024;

export const previewInput = z.object({
  filename: z.string().min(1, "filename is required").max(300),
  /** the first 2 MB of the file as text */
  sample: z.string().max(PREVIEW_SAMPLE_BYTES + 1024, "sample: send at most the first 2 MB of the file"),
  /** true when the sample is not the whole file: its last, cut-off record is left out */
  truncated: z.boolean().default(false),
  format: importFormatSchema.optional(),
  mapping: fieldMappingSchema.optional(),
});

export const previewRecord = z.object({
  index: z.number().int(),
  line: z.number().int().nullable(),
  valid: z.boolean(),
  id: z.string().nullable(),
  taskId: z.string().nullable(),
  prompt: z.string().nullable(),
  steps: z.number().int(),
  toolCalls: z.number().int(),
  outcome: z.string().nullable(),
  reward: z.number().nullable(),
  finalAnswer: z.string().nullable(),
  policy: z.string().nullable(),
  errors: z.array(recordIssue),
});
export type PreviewRecord = z.infer<typeof previewRecord>;

export const previewResult = z.object({
  format: importFormatSchema,
  shape: z.enum(recordShapes),
  description: z.string(),
  /** the fields found in the sample's records, for the mapping (episodes only) */
  fields: z.array(fieldInfo),
  /** the mapping used for this preview: the one sent, or the suggested one */
  mapping: fieldMappingSchema.nullable(),
  suggestedMapping: fieldMappingSchema.nullable(),
  /** counts over the records the preview checked */
  counts: z.object({ records: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
  /** true when the preview saw every record of the file */
  complete: z.boolean(),
  records: z.array(previewRecord),
  errors: z.array(recordError),
  /** said when the sample held no complete record, and the like */
  notes: z.array(z.string()),
});
export type PreviewResult = z.infer<typeof previewResult>;

// ---- file import ----

export const IMPORT_BODY_LIMIT = 2_000_000_000;

const mappingParam = z
  .string()
  .max(4000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'mapping must be JSON, e.g. {"taskId":"question_id"}' });
      return z.NEVER;
    }
  })
  .pipe(fieldMappingSchema);

export const importQuery = z.object({
  filename: z.string().min(1, "filename is required: the name of the file being sent").max(300),
  format: importFormatSchema.optional(),
  mode: importModeSchema.default("all-or-nothing"),
  mapping: mappingParam.optional(),
});

export const importCounts = z.object({
  records: z.number().int(),
  created: z.number().int(),
  exists: z.number().int(),
  invalid: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

// ---- ingest API ----

export const INGEST_MAX_RECORDS = 1000;

export const ingestBody = z.object({
  trajectories: z
    .array(z.unknown())
    .min(1, "trajectories must hold at least one record")
    .max(INGEST_MAX_RECORDS, `trajectories: send at most ${INGEST_MAX_RECORDS} records per request`),
});

export const ingestItem = z.object({
  index: z.number().int(),
  status: z.enum(["created", "exists", "invalid"]),
  id: z.string().nullable(),
  clientId: z.string().nullable(),
  errors: z.array(recordIssue),
});
export const ingestResponse = z.object({
  counts: z.object({ created: z.number().int(), exists: z.number().int(), invalid: z.number().int() }),
  results: z.array(ingestItem),
});
export type IngestResponse = z.infer<typeof ingestResponse>;
