// One record of any supported file, turned into canonical input (validated afterwards).
import { TRAJECTORY_FORMAT } from "@/lib/trajectories/format";
import type { FieldMapping, ImportFormat, RecordShape } from "../schemas";
import { type Converted, convertEpisode } from "./episode";
import { type InspectEval, inspectSample } from "./inspect";
import { mcpAtlasTask, mcpAtlasTrajectory } from "./mcp-atlas";
import { isObject } from "./values";

export type { Converted };

/** What one record is, judged from the record itself. */
export function shapeOf(format: ImportFormat, record: unknown): RecordShape {
  if (format === "inspect-log") return "inspect-sample";
  if (format === "mcp-atlas-csv") return "mcp-atlas-row";
  if (Array.isArray(record) || format === "json-messages") return "messages";
  if (isObject(record) && (record.format === TRAJECTORY_FORMAT || Array.isArray(record.steps))) return "canonical";
  return "episode";
}

export type ConvertOptions = {
  mapping?: FieldMapping | null;
  /** Inspect logs: the run the samples belong to */
  inspect?: InspectEval;
  /** CSV: the spreadsheet row, for messages */
  row?: number;
};

export function convertRecord(format: ImportFormat, record: unknown, opts: ConvertOptions = {}): Converted {
  const shape = shapeOf(format, record);
  switch (shape) {
    case "inspect-sample":
      return inspectSample(record, opts.inspect ?? {});
    case "mcp-atlas-row":
      try {
        return { input: mcpAtlasTrajectory(mcpAtlasTask(record, opts.row ?? 0)) as Record<string, unknown> };
      } catch (e) {
        return { errors: [{ path: "", message: (e as Error).message.replace(/^Row \d+: /, "") }] };
      }
    case "canonical":
      return { input: record as Record<string, unknown> };
    case "messages":
      return convertEpisode(Array.isArray(record) ? record : [], {});
    case "episode":
      return convertEpisode(record, opts.mapping ?? {});
  }
}
