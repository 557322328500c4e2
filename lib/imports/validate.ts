// Validation of converted records against the canonical format, with error paths that name the
// file's own fields (`messages.3.role`, not `steps.3.message.role`).
import type { z } from "zod";
import { type TrajectoryRecord, trajectoryInput } from "@/lib/trajectories/format";
import type { Converted } from "./formats/convert";
import type { RecordIssue } from "./schemas";

export type Checked = { index: number; record: TrajectoryRecord } | { index: number; errors: RecordIssue[] };

type StepsFrom = { path: string; offset: number } | undefined;

function sourcePath(path: PropertyKey[], from: StepsFrom): string {
  const parts = path.map(String);
  if (from && parts[0] === "steps" && parts[2] === "message") {
    const n = Number(parts[1]) - from.offset;
    if (n < 0) return "prompt";
    return [from.path, String(n), ...parts.slice(3)].filter((p) => p !== "").join(".");
  }
  return parts.join(".");
}

export function issuesOf(error: z.ZodError, from?: StepsFrom): RecordIssue[] {
  return error.issues.slice(0, 10).map((i) => ({ path: sourcePath(i.path, from), message: i.message }));
}

export function checkConverted(index: number, converted: Converted): Checked {
  if ("errors" in converted) return { index, errors: converted.errors };
  const parsed = trajectoryInput.safeParse(converted.input);
  return parsed.success
    ? { index, record: parsed.data }
    : { index, errors: issuesOf(parsed.error, converted.stepsFrom) };
}

/** Records as the ingest API receives them: canonical, with `messages` allowed for `steps`. */
export function checkRaw(index: number, raw: unknown): Checked {
  const hasMessages =
    !!raw && typeof raw === "object" && !("steps" in raw) && Array.isArray((raw as { messages?: unknown }).messages);
  const parsed = trajectoryInput.safeParse(raw);
  return parsed.success
    ? { index, record: parsed.data }
    : { index, errors: issuesOf(parsed.error, hasMessages ? { path: "messages", offset: 0 } : undefined) };
}
