// The preview of a file import from its first 2 MB: the format, the fields and a suggested
// mapping, the first records as they would be imported, and what is wrong with the bad ones.
import { Readable } from "node:stream";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { detectFormat } from "../detect";
import { shapeOf } from "../formats/convert";
import { listFields, suggestMapping } from "../formats/fields";
import type { InspectEval } from "../formats/inspect";
import { shorten } from "../formats/values";
import {
  type FieldMapping,
  formatLabels,
  type PreviewRecord,
  type PreviewResult,
  type previewInput,
  type RecordError,
} from "../schemas";
import type { Source, SourceRecord } from "./read-records";
import { checkRecord, readRecords } from "./scan";

const SHOWN = 20;
const CHECKED = 2000;
const MAX_ERRORS = 100;

function textSource(text: string): Source {
  const buf = Buffer.from(text, "utf8");
  return { size: buf.length, open: (r) => Readable.from([r ? buf.subarray(r.start, r.end) : buf]) };
}

/** The sample's records; a sample cut off mid-record ends at the last complete one. */
async function sampleRecords(
  source: Source,
  format: PreviewResult["format"],
  truncated: boolean,
  onEval: (i: InspectEval) => void,
) {
  const out: SourceRecord[] = [];
  try {
    for await (const r of readRecords(source, format, undefined, onEval)) {
      out.push(r);
      if (out.length > CHECKED) break;
    }
  } catch (e) {
    if (!truncated) throw e;
  }
  // the last line (or row) of a cut-off sample is likely cut too
  if (truncated && (format === "jsonl" || format === "mcp-atlas-csv") && out.at(-1)?.end === source.size) out.pop();
  return out;
}

export async function previewImport(input: z.infer<typeof previewInput>): Promise<PreviewResult> {
  let format = input.format;
  if (!format) {
    const found = detectFormat(input.sample, input.filename);
    if ("error" in found) throw new AppError("VALIDATION", found.error, "sample");
    format = found.format;
  }
  const source = textSource(input.sample);
  let inspect: InspectEval = {};
  const notes: string[] = [];
  let records: SourceRecord[];
  try {
    records = await sampleRecords(source, format, input.truncated, (i) => {
      inspect = i;
    });
  } catch (e) {
    if (e instanceof AppError) throw new AppError("VALIDATION", e.message, "sample");
    throw e;
  }
  const complete = !input.truncated && records.length <= CHECKED;
  if (records.length > CHECKED) {
    records = records.slice(0, CHECKED);
    notes.push(`The preview checks the first ${CHECKED} records; the import checks every one.`);
  }
  if (!records.length)
    notes.push(
      input.truncated
        ? "No complete record in the first 2 MB: the records are larger than the preview reads. The import reads the whole file."
        : "The file holds no records.",
    );

  const episodes = records.filter((r) => !r.parseError && shapeOf(format, r.value) === "episode").map((r) => r.value);
  const fields = listFields(episodes.slice(0, 200));
  const suggestedMapping: FieldMapping | null = episodes.length ? suggestMapping(fields) : null;
  const mapping = episodes.length ? (input.mapping ?? suggestedMapping) : null;

  const shown: PreviewRecord[] = [];
  const errors: RecordError[] = [];
  let invalid = 0;
  for (const r of records) {
    const checked = checkRecord(format, r, { mapping, inspect });
    const bad = "errors" in checked;
    if (bad) {
      invalid++;
      if (errors.length < MAX_ERRORS) errors.push({ index: r.index, line: r.line, errors: checked.errors });
    }
    if (shown.length < SHOWN) shown.push(summarize(r, checked));
  }
  const shape = records.length ? shapeOf(format, records.find((r) => !r.parseError)?.value) : shapeOf(format, {});
  return {
    format,
    shape,
    description: formatLabels[format],
    fields,
    mapping,
    suggestedMapping,
    counts: { records: records.length, valid: records.length - invalid, invalid },
    complete,
    records: shown,
    errors,
    notes,
  };
}

function summarize(r: SourceRecord, checked: ReturnType<typeof checkRecord>): PreviewRecord {
  const base = { index: r.index, line: r.line };
  if ("errors" in checked)
    return {
      ...base,
      valid: false,
      id: null,
      taskId: null,
      prompt: null,
      steps: 0,
      toolCalls: 0,
      outcome: null,
      reward: null,
      finalAnswer: null,
      policy: null,
      errors: checked.errors,
    };
  const t = checked.record;
  const firstUser = t.steps.find((s) => s.message.role === "user")?.message.content;
  const prompt = t.task?.prompt ?? (typeof firstUser === "string" ? firstUser : null);
  return {
    ...base,
    valid: true,
    id: t.id ?? null,
    taskId: t.task?.id ?? null,
    prompt: prompt ? shorten(prompt, 200) : null,
    steps: t.steps.length,
    toolCalls: t.steps.reduce(
      (n, s) => n + (s.message.role === "assistant" ? (s.message.tool_calls?.length ?? 0) : 0),
      0,
    ),
    outcome: t.outcome ?? null,
    reward: t.reward ?? null,
    finalAnswer: t.finalAnswer ? shorten(t.finalAnswer, 200) : null,
    policy: t.policy?.name ?? t.policy?.model ?? null,
    errors: [],
  };
}
